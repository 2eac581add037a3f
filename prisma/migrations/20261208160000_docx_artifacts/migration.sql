-- A published version may also carry a Word file (.docx) of the document (docs/decisions/0019).
-- Additive: existing versions keep their files; the DOCX of a version published before can be
-- added later (npm run gongkai -- publication add-missing-docx), as a missing PDF can.
ALTER TYPE "artifact_kind" ADD VALUE 'DOCX';

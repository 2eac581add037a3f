import type { RequestActor } from "@/lib/auth/request-actor";
import { canAdminister } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { importCodeBook, type ImportCodeBookInput, type ImportedCodeBook } from "./import-code-book";
import type { CodeBookImportPreview } from "./prepare-code-book-import";
import { previewCodeBookImport } from "./preview-code-book-import";
import { listCodeBookRevisions, type RevisionSummary } from "./queries";

/** The code book administration as the screens call it: the one database, the request's actor. */
export const codeBooks = {
  preview(actor: RequestActor, input: { year: number; fileName: string; bytes: Uint8Array }): Promise<CodeBookImportPreview> {
    return previewCodeBookImport(prisma, actor.viewer, { ...input, clientAddress: actor.clientAddress });
  },
  import(actor: RequestActor, input: Omit<ImportCodeBookInput, "clientAddress">): Promise<ImportedCodeBook> {
    return importCodeBook(prisma, actor.viewer, { ...input, clientAddress: actor.clientAddress });
  },
  /** null when the viewer may not administer code books */
  async revisions(actor: RequestActor): Promise<RevisionSummary[] | null> {
    return canAdminister(actor.viewer) ? listCodeBookRevisions(prisma) : null;
  },
};

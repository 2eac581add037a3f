import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { importPriorYearDocument, type ImportPriorYearRequest, type ImportPriorYearResult } from "./import-prior-year-document";
import { previewPriorYearDocument, type PriorYearDocumentRequest } from "./preview-prior-year-document";
import type { PriorYearPreviewView } from "./prior-year-preview";

/** The accountant's screen: the use cases over the application's database. */
export function previewWorkspacePriorYear(viewer: Viewer | null, request: PriorYearDocumentRequest): Promise<PriorYearPreviewView> {
  return previewPriorYearDocument(prisma, viewer, request);
}

export function confirmWorkspacePriorYear(viewer: Viewer | null, request: ImportPriorYearRequest): Promise<ImportPriorYearResult> {
  return importPriorYearDocument(prisma, viewer, request);
}

import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import { buildSnapshotContent, type SnapshotContent } from "@/lib/publication/snapshot-content";

/** The reference document as a published snapshot, version 1. */
export function demoContent(budget: Budget = guantao2024Budget, codeBook: CodeBook = guantao2024CodeBook): SnapshotContent {
  return buildSnapshotContent(budget, codeBook, {
    version: 1,
    publishedAt: "2024-02-01T08:00:00.000Z",
    approvedAt: "2024-01-20",
    correctionNote: null,
  });
}

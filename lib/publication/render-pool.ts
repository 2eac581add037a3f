import { availableParallelism } from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { PdfUnavailableError } from "@/lib/export/pdf";
import type { DocumentRenderers } from "./publish-budget";
import type { SnapshotContent } from "./snapshot-content";

/**
 * Renders the heavy files of a publication (PDF, Word, XLSX: pure CPU work on a snapshot's
 * content) in worker threads, so a batch uses every core while the main thread stores the
 * previous budgets (ADR 0028). Each worker parses the fonts once and keeps its shared caches for
 * the batch. Only rendering moves: each budget is still published by publishBudget, with its own
 * transaction and audit row on the main thread. The renderers are the same functions, so the same
 * content gives the same bytes in a worker as on the main thread.
 *
 * The worker entry (app/render-worker.ts) composes the renderers and calls serveRenderRequests.
 */

type HeavyKind = "pdf" | "docx" | "xlsx";

interface RenderRequest {
  id: number;
  kind: HeavyKind;
  content: SnapshotContent;
  contentHash: string;
}

type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: { name: string; message: string; code?: string } };

export interface RenderPool {
  /** the renderers, PDF, Word and XLSX running in the pool */
  renderers: DocumentRenderers;
  size: number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

/** Answers render requests in a worker thread with the given renderers. */
export function serveRenderRequests(renderers: DocumentRenderers): void {
  if (isMainThread || parentPort === null) throw new Error("serveRenderRequests runs in a worker thread");
  const port = parentPort;
  port.on("message", (request: RenderRequest) => {
    const rendered =
      request.kind === "xlsx" ? renderers.xlsx(request.content) : renderers[request.kind](request.content, { contentHash: request.contentHash });
    rendered.then(
      (bytes) => {
        const copy = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
        port.postMessage({ id: request.id, bytes: copy } satisfies RenderReply, [copy.buffer]);
      },
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        const code = error instanceof PdfUnavailableError ? error.code : undefined;
        port.postMessage({ id: request.id, error: { name: failure.name, message: failure.message, code } } satisfies RenderReply);
      },
    );
  });
}

/**
 * Starts `size` workers (default: one per core) running `workerFile` (a module that calls
 * serveRenderRequests; a .ts file is loaded through tsx). HTML, CSV and JSON stay on the
 * calling thread: they are quick, and the page must be checked there before anything is stored.
 */
export function createRenderPool(base: DocumentRenderers, options: { workerFile: string; size?: number }): RenderPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  // A TypeScript entry is started through tsx: a worker does not inherit the loader of `tsx script.ts`.
  const start = () =>
    options.workerFile.endsWith(".ts")
      ? new Worker(path.join(process.cwd(), "lib/publication/render-worker-bootstrap.mjs"), { workerData: { entry: options.workerFile } })
      : new Worker(options.workerFile);
  const workers = Array.from({ length: size }, start);
  const busy = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  for (const worker of workers) {
    worker.on("message", (reply: RenderReply) => {
      busy.set(worker, (busy.get(worker) ?? 1) - 1);
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (waiting === undefined) return;
      if ("bytes" in reply) {
        waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      } else if (reply.error.name === "PdfUnavailableError") {
        waiting.reject(new PdfUnavailableError("FONT_MISSING", reply.error.message));
      } else {
        const error = new Error(reply.error.message);
        error.name = reply.error.name;
        waiting.reject(error);
      }
    });
    worker.on("error", (error) => {
      failure = error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }

  const run = (kind: HeavyKind, content: SnapshotContent, contentHash: string): Promise<Buffer> => {
    if (failure !== null) return Promise.reject(failure);
    // the least busy worker: a PDF takes longer than a Word file, so plain turns would queue behind it
    let chosen = workers[0] as Worker;
    for (const worker of workers) if ((busy.get(worker) ?? 0) < (busy.get(chosen) ?? 0)) chosen = worker;
    busy.set(chosen, (busy.get(chosen) ?? 0) + 1);
    const id = nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      chosen.postMessage({ id, kind, content, contentHash } satisfies RenderRequest);
    });
  };

  return {
    size,
    renderers: {
      ...base,
      pdf: (content, info) => run("pdf", content, info.contentHash),
      docx: (content, info) => run("docx", content, info.contentHash),
      xlsx: (content) => run("xlsx", content, ""),
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

// Starts a TypeScript worker entry (workerData.entry) through tsx, for lib/publication/render-pool.ts:
// a worker does not inherit the tsx loader of a process started with `tsx script.ts`.
import { workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

await tsImport(pathToFileURL(workerData.entry).href, import.meta.url);

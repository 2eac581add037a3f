/**
 * The worker thread of lib/publication/render-pool.ts: renders PDF, Word and XLSX files with the
 * same renderers as the main thread (the composition root, app/document-renderers.ts).
 */
import { serveRenderRequests } from "@/lib/publication/render-pool";
import { documentRenderers } from "./document-renderers";

serveRenderRequests(documentRenderers);

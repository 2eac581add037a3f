import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DbReader } from "@/lib/budgets/db-client";
import { NOT_FOUND_PAGE } from "@/lib/serving/error-pages";
import { DOCUMENT_POLICY } from "@/lib/serving/response-headers";
import { BASE_HEADERS } from "@/lib/serving/security-headers";
import { documentRoutes, type ListingSource, type MirrorBody, type MirrorRoute } from "./mirror-routes";
import { nginxMaps, nginxServer, standaloneNginxConf, type ConfigFile, type ConfigRoute } from "./nginx-config";

export interface ExportSiteOptions {
  /** the mirror folder (created when missing) */
  out: string;
  /** nginx `listen` of the generated server block */
  listen?: string;
  /** the citizen side's listings (home, region pages …); see ListingSource */
  listings?: readonly ListingSource[];
  log?: (message: string) => void;
}

export interface ExportSiteResult {
  /** public URLs the mirror answers */
  urls: number;
  /** files written by this run (new or changed); 0 when nothing changed since the last run */
  written: number;
  /** files already there with the same bytes */
  unchanged: number;
  /** every public URL, as listed in manifest.json */
  paths: string[];
}

/** The app's answer to an unknown document URL, sent by the mirror the same way. */
const NOT_FOUND_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": DOCUMENT_POLICY,
};

/** ETag-stable names: the identity bytes' sha256, with .gz and .br twins beside. */
function fileNames(route: MirrorRoute): { identity: string; gzip: string; br: string } {
  const stem = route.identity.etag.replace(/"/g, "");
  const identity = `files/${stem}.${route.extension}`;
  return { identity, gzip: `${identity}.gz`, br: `${identity}.br` };
}

/** Writes a file only when its bytes differ from what is there (atomically, through a temporary name). */
async function writeIfChanged(out: string, relative: string, bytes: Buffer, counts: { written: number; unchanged: number }, contentAddressed: boolean): Promise<void> {
  const target = path.join(out, relative);
  if (existsSync(target) && (contentAddressed || (await readFile(target)).equals(bytes))) {
    counts.unchanged += 1;
    return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
  counts.written += 1;
}

/**
 * `npm run gongkai -- export-site --out DIR`: the public side as static files any web server,
 * bucket or CDN can carry. Every published file in every encoding the app sends (with .gz and
 * .br twins, named by their sha256 so a name never changes meaning), the listings given, and an
 * nginx configuration (nginx/gongkai-maps.conf, nginx/gongkai-server.conf, and a standalone
 * nginx/nginx.conf) that answers the same URLs with the same bytes, ETags and cache headers as
 * the app. Run again, it writes only what changed: new files, and the configuration and manifest
 * when their text changed.
 */
export async function exportSite(db: DbReader, options: ExportSiteOptions): Promise<ExportSiteResult> {
  const out = path.resolve(options.out);
  const log = options.log ?? (() => undefined);
  await mkdir(path.join(out, "files"), { recursive: true });
  await mkdir(path.join(out, "nginx", "tmp"), { recursive: true });
  const counts = { written: 0, unchanged: 0 };

  const routes = await documentRoutes(db, (document) => log(document));
  for (const source of options.listings ?? []) routes.push(...(await source(db)));
  routes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const configRoutes: ConfigRoute[] = [];
  for (const route of routes) {
    const names = fileNames(route);
    const file = async (name: string, variant: MirrorBody | null, encoding: string): Promise<ConfigFile | null> => {
      if (variant === null) return null;
      await writeIfChanged(out, name, variant.body, counts, true);
      return { file: name, etag: variant.etag, encoding };
    };
    const identity = await file(names.identity, route.identity, "");
    if (identity === null) continue;
    configRoutes.push({
      path: route.path,
      contentType: route.contentType,
      identity,
      gzip: await file(names.gzip, route.gzip, "gzip"),
      br: await file(names.br, route.br, "br"),
      // The app's front adds the same security headers to every answer (ADR 0023); the mirror too.
      headers: { ...Object.fromEntries(BASE_HEADERS), ...route.headers },
    });
  }
  await writeIfChanged(out, "files/not-found.html", NOT_FOUND_PAGE, counts, false);

  const maps = nginxMaps(configRoutes);
  const server = nginxServer({ root: out, listen: options.listen ?? "8080", notFoundFile: "files/not-found.html", notFoundHeaders: NOT_FOUND_HEADERS }, maps);
  await writeIfChanged(out, "nginx/gongkai-maps.conf", Buffer.from(maps.text), counts, false);
  await writeIfChanged(out, "nginx/gongkai-server.conf", Buffer.from(server), counts, false);
  await writeIfChanged(out, "nginx/nginx.conf", Buffer.from(standaloneNginxConf(out)), counts, false);
  const manifest = configRoutes.map((route) => ({ path: route.path, contentType: route.contentType, etag: route.identity.etag, file: route.identity.file }));
  await writeIfChanged(out, "manifest.json", Buffer.from(JSON.stringify(manifest, null, 2) + "\n"), counts, false);
  return { urls: configRoutes.length, written: counts.written, unchanged: counts.unchanged, paths: configRoutes.map((route) => route.path) };
}

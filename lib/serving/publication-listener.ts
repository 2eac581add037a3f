import pg from "pg";
import { z } from "zod";
import type { DocumentKey } from "@/lib/publication/document-paths";

/** Channel the migration's triggers notify on commit of a new snapshot, supersession or file. */
export const PUBLICATION_CHANNEL = "gongkai_published_documents";

const payloadSchema = z.union([
  z.object({ year: z.number().int(), unit: z.string().min(1) }),
  z.object({ year: z.number().int(), department: z.string().min(1) }),
]);

export interface PublicationListener {
  /** resolves once LISTEN is active, so nothing published after it can be missed */
  ready: Promise<void>;
  /** false while the connection is lost and being retried: the database is (probably) down */
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface ListenerCallbacks {
  onChange(key: DocumentKey): void;
  /** notifications may have been missed (connection lost): everything cached may be stale */
  onReset(): void;
  log(message: string): void;
}

/**
 * Keeps a dedicated connection LISTENing for publications, reconnecting with a growing delay
 * when it drops; every reconnection resets the cache, since notifications sent meanwhile are lost
 * (but losing the connection does not: documents in memory keep being served during an outage).
 */
export function listenForPublications(databaseUrl: string, callbacks: ListenerCallbacks): PublicationListener {
  let client: pg.Client | null = null;
  let isClosed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delayMs = 500;
  let isConnected = false;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "gongkai-public-server" });
    client = next;
    let hasFailed = false;
    const retry = (error: Error | undefined) => {
      if (hasFailed || isClosed) return;
      hasFailed = true;
      isConnected = false;
      callbacks.log(`lost the publication notifications (${error?.message ?? "connection ended"}); retrying in ${delayMs} ms.`);
      next.removeAllListeners();
      next.on("error", () => undefined);
      void next.end().catch(() => undefined);
      // The cache is kept while the database is away: published documents stay readable from memory
      // during an outage, and nothing can be published meanwhile through this database. The reset
      // comes with the reconnection (below), which covers anything published in between.
      retryTimer = setTimeout(() => void connect(), delayMs);
      // At most 5 s between attempts: the app is back within seconds of the database.
      delayMs = Math.min(delayMs * 2, 5_000);
    };
    next.on("error", retry);
    next.on("end", () => retry(undefined));
    next.on("notification", (message) => {
      if (message.channel !== PUBLICATION_CHANNEL || message.payload === undefined) return;
      const parsed = payloadSchema.safeParse(safeJson(message.payload));
      if (!parsed.success) callbacks.onReset();
      else if ("unit" in parsed.data) callbacks.onChange({ year: parsed.data.year, unitCode: parsed.data.unit });
      else callbacks.onChange({ year: parsed.data.year, departmentCode: parsed.data.department });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLICATION_CHANNEL}`);
      delayMs = 500;
      isConnected = true;
      // Anything published between the first load and LISTEN would otherwise go unnoticed.
      callbacks.onReset();
      resolveReady();
    } catch (error) {
      retry(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void connect();

  return {
    ready,
    isConnected: () => isConnected && !isClosed,
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      const current = client;
      client = null;
      current?.removeAllListeners();
      current?.on("error", () => undefined);
      await current?.end().catch(() => undefined);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Offline stand-in for Prisma's native `schema-engine` binary, used through PRISMA_SCHEMA_ENGINE_BINARY.
// It speaks the binary's command-line and JSON-RPC protocol and forwards every call to
// @prisma/schema-engine-wasm, which reaches PostgreSQL through @prisma/adapter-pg.
// Why and how: docs/decisions/0002-offline-prisma-schema-engine.md.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

const PG_INTERNAL_CHAR_OID = 18;
// Keyed by a result's rows array, which queryRaw passes through from performIO unchanged.
const charColumnsByRows = new WeakMap();

// Works around two defects of adapter-pg 7.10.0 in a connection or transaction.
function withAdapterFixes(queryable) {
  const { performIO, queryRaw, executeScript, startTransaction } = queryable;
  // PostgreSQL's internal "char" type (pg_catalog's relkind, contype, …) is rejected, yet the
  // engine needs those columns, as Character values.
  queryable.performIO = async (query) => {
    const result = await performIO.call(queryable, query);
    const charColumns = [];
    for (const [index, field] of (result.fields ?? []).entries()) {
      if (field.dataTypeID !== PG_INTERNAL_CHAR_OID) continue;
      field.dataTypeID = pg.types.builtins.TEXT;
      charColumns.push(index);
    }
    if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw.call(queryable, query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  // Scripts are split at every ";", which breaks string literals and function bodies; PostgreSQL
  // runs a multi-statement script sent as one simple query, which is what the native engine does.
  if (executeScript) {
    queryable.executeScript = async (script) => {
      await queryable.client.query(script).catch((error) => queryable.onError(error));
    };
  }
  if (startTransaction) {
    queryable.startTransaction = async (...args) => withAdapterFixes(await startTransaction.apply(queryable, args));
  }
  return queryable;
}

async function execute(config, sql) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

class OfflinePg extends PrismaPg {
  async connect() {
    return withAdapterFixes(await super.connect());
  }

  // adapter-pg 7.10.0 connects to the main database instead of the shadow one when configured with a
  // connection string, and drops the shadow database while its pool still holds connections.
  async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await execute(this.config, `CREATE DATABASE ${quoteIdentifier(database)}`);
    const shadow = await new OfflinePg({ ...this.config, database }, this.options).connect();
    const closePool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closePool();
      // FORCE: a server process can outlive its just-closed client for a moment.
      await execute(this.config, `DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    };
    return shadow;
  }
}

// Same message wording and codes as the native engine, so the CLI reacts the same way
// (it creates the database on P1003).
function userFacingError(error, config) {
  const location = `${config.host}:${config.port ?? 5432}`;
  if (error.code === "3D000") return { error_code: "P1003", message: `Database \`${config.database}\` does not exist on the database server at \`${location}\`.` };
  if (error.code === "28P01" || error.code === "28000") {
    return { error_code: "P1000", message: `Authentication failed against database server, the provided database credentials for \`${config.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.` };
  }
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(error.code)) {
    return { error_code: "P1001", message: `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.` };
  }
  return { message: error.message };
}

async function runCliCommand(command, config) {
  try {
    if (command === "can-connect-to-database") await execute(config, "SELECT 1");
    else if (command === "create-database") await execute({ ...config, database: "postgres" }, `CREATE DATABASE ${quoteIdentifier(config.database)}`);
    else throw new Error(`Unknown command: cli ${command}`);
    return 0;
  } catch (error) {
    // The CLI skips the first stderr line and parses the rest as JSON log lines.
    process.stderr.write(`schema-engine: cli ${command} failed\n`);
    const fields = { is_panic: false, ...userFacingError(error, config) };
    process.stderr.write(`${JSON.stringify({ level: "ERROR", fields, target: "schema_engine::logger" })}\n`);
    return 1;
  }
}

async function loadWasmEngine() {
  // The package exports its loader but not its .wasm file, so it is instantiated by hand from beside the loader.
  const loaderPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const loader = await import(loaderPath);
  const { instance } = await WebAssembly.instantiate(await readFile(loaderPath.replace(/\.js$/, ".wasm")), { "./schema_engine_bg.js": loader });
  loader.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return loader;
}

const POSTGRES_LOCK_FILE = 'provider = "postgresql"\n';

// The Wasm build cannot open a shadow database for createMigration and evaluateDataLoss, but `diff`
// from the migrations directory can, so both are derived from it. The lock file only exists after
// the first migration, yet `diff` needs it to choose the connector.
function diffMigrationsToSchema(engine, { migrationsList, schema, filters }) {
  const lockfile = { ...migrationsList.lockfile, content: migrationsList.lockfile.content ?? POSTGRES_LOCK_FILE };
  return engine.diff({ from: { tag: "migrations", ...migrationsList, lockfile }, to: { tag: "schemaDatamodel", ...schema }, script: true, exitCode: true, filters });
}

const migrationDirectoryName = (name) => {
  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  return name ? `${timestamp}_${name}` : timestamp;
};

const FORWARDED_METHODS = new Set([
  "applyMigrations", "dbExecute", "debugPanic", "devDiagnostic", "diagnoseMigrationHistory", "ensureConnectionValidity",
  "introspect", "introspectSql", "markMigrationApplied", "markMigrationRolledBack", "reset", "schemaPush",
]);

const ADAPTED_METHODS = {
  getDatabaseVersion: (engine) => engine.version(),
  // The native engine prints the diff through a `print` request; the Wasm one returns it.
  diff: async (engine, params, send) => {
    const { exitCode, stdout } = await engine.diff(params);
    if (stdout) send({ jsonrpc: "2.0", id: randomUUID(), method: "print", params: { content: stdout } });
    return { exitCode, stdout: null };
  },
  createMigration: async (engine, params) => {
    const { exitCode, stdout } = await diffMigrationsToSchema(engine, params);
    return {
      connectorType: "postgresql",
      extension: "sql",
      generatedMigrationName: migrationDirectoryName(params.migrationName),
      migrationScript: exitCode === 2 || params.draft ? stdout : null,
    };
  },
  // Data-loss warnings need the database checked against the next migration, which this path
  // cannot do; the step count (one "-- Step" header each) is what `migrate dev` acts on.
  evaluateDataLoss: async (engine, params) => {
    const { exitCode, stdout } = await diffMigrationsToSchema(engine, params);
    return { migrationSteps: exitCode === 2 ? (stdout.match(/^-- /gm) ?? []).length : 0, unexecutableSteps: [], warnings: [] };
  },
};

async function serveJsonRpc(datamodelPaths, config) {
  const wasm = await loadWasmEngine();
  let panicMessage = null;
  globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message = (message) => (panicMessage = message);
  const datamodels = datamodelPaths.length > 0 ? await Promise.all(datamodelPaths.map(async (path) => [path, await readFile(path, "utf8")])) : undefined;
  const log = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
  let enginePromise;
  const engine = () => (enginePromise ??= wasm.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(new OfflinePg(config, { schema: config.schema }))));
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  async function handle({ id, method, params }) {
    try {
      let result;
      if (ADAPTED_METHODS[method]) result = await ADAPTED_METHODS[method](await engine(), params, send);
      else if (FORWARDED_METHODS.has(method)) result = await (await engine())[method](params);
      else return send({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
      send({ jsonrpc: "2.0", id, result: result ?? null });
    } catch (error) {
      // A Rust panic reaches JS as a bare RuntimeError; its message came through the panic registry.
      // It is answered rather than exited on: the CLI exits silently with status 0 when the engine dies.
      const isPanic = panicMessage !== null;
      const message = panicMessage ?? error?.message ?? String(error);
      panicMessage = null;
      send({ jsonrpc: "2.0", id, error: { code: 4466, message: isPanic ? message : "An error happened. Check the data field for details.", data: { is_panic: isPanic, message } } });
    }
  }

  // Requests are answered in order; lines without a method are the CLI's replies to `print`.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    const message = JSON.parse(line);
    if (message.method) queue = queue.then(() => handle(message));
  });
  // The native engine exits when its stdin closes; open pools would keep this process alive.
  lines.on("close", () => queue.then(() => process.exit(0)));
}

async function main() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message() {} };
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      version: { type: "boolean" },
      datamodels: { type: "string", multiple: true, default: [] },
      datasource: { type: "string" },
      // Accepted and ignored: the Wasm engine takes preview features from the schema, and no extension types.
      "enabled-preview-features": { type: "string" },
      "extension-types": { type: "string" },
    },
  });
  if (values.version) {
    const wasm = await loadWasmEngine();
    process.stdout.write(`schema-engine-cli ${wasm.version()}\n`);
    return;
  }
  const datasource = values.datasource ? JSON.parse(values.datasource) : {};
  // The Wasm engine always needs a live connection, even for diffs between two schema files.
  const url = datasource.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("No datasource URL: pass --datasource or set DATABASE_URL.");
  // Fields rather than a connection string, so that a database name set beside them is honoured.
  const config = parseConnectionString(url);
  // The native engine works inside the URL's `schema`; adapter-pg only reports it to the engine.
  if (config.schema) config.options = `${config.options ?? ""} -c search_path=${config.schema}`.trim();
  if (positionals[0] === "cli") process.exitCode = await runCliCommand(positionals[1], config);
  else await serveJsonRpc(values.datamodels, config);
}

main().catch((error) => {
  process.stderr.write(`schema-engine: ${error?.stack ?? error}\n`);
  process.exit(1);
});

/**
 * A province in the database: GONGKAI_BENCH_PROVINCE_UNITS units (default 30,000: 15 cities × 10
 * counties × 20 departments × 10 units) × 2 years of published documents, then the public listing
 * of a region, the document lookup and the database size per 1,000 documents, each printed beside
 * its anchor. `npx tsx scripts/bench-province.ts` (`npm run bench` runs it); asserts nothing.
 *
 * One real budget is published first (factories, publishBudget with every renderer); the province
 * is then cloned from it with set-based SQL (INSERT … SELECT over generate_series): regions,
 * departments, units, published budgets, snapshots (the real content), their six artifact rows and
 * the ledger rows serving checks them against. The artifacts of the first
 * GONGKAI_BENCH_PROVINCE_FULL documents (default 1,000) carry the real files' bytes (~0.5 MB a
 * document); the others carry an empty file with its own sha256, so the machine is not asked for
 * 30 GB: the size per 1,000 documents is measured on the documents with real files, and the
 * lookups read real files, while the queries run over all 60,000 documents.
 */
import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { documentRenderers, publicSiteRenderers } from "@/app/document-renderers";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";
import { buildBudgetFor, createUnit, writeBudgetWithHistory } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createSiteRouter } from "@/lib/public-site/site-router";
import { publishBudget } from "@/lib/publication/publish-budget";
import { DocumentStore } from "@/lib/serving/document-store";

const UNITS = Number(process.env.GONGKAI_BENCH_PROVINCE_UNITS ?? 30_000);
const FULL = Number(process.env.GONGKAI_BENCH_PROVINCE_FULL ?? 1_000);
const UNITS_PER_DEPARTMENT = 10;
const DEPARTMENTS_PER_COUNTY = 20;
const COUNTIES_PER_CITY = 10;
const COUNTIES = Math.ceil(UNITS / (UNITS_PER_DEPARTMENT * DEPARTMENTS_PER_COUNTY));
const CITIES = Math.ceil(COUNTIES / COUNTIES_PER_CITY);
const YEARS = [2023, 2024];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return `mean ${mean.toFixed(1)} ms, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${sorted.length})`;
}

async function timed(runs: number, run: (i: number) => unknown): Promise<number[]> {
  await run(0);
  const samples: number[] = [];
  for (let i = 1; i <= runs; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "gongkai-bench-province-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedDatabase({ dataRoot: dir, port: await findFreePort(), databaseName: "gongkai_bench", whenAlreadyRunning: "fail", isDurable: false, log, command: "npm run bench" });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    const env = { ...process.env, DATABASE_URL: database.url };
    const migrated = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed (exit ${migrated.status})`);
    for (const year of YEARS) await saveCodeBook(db, { ...guantao2024CodeBook, year });

    // The template: one real budget, published with every file.
    const unit = await createUnit(db, { regionCode: "130433", departmentCode: "800", unitCode: "800001", unitName: "模板单位本级" });
    await db.$transaction((tx) => writeBudgetWithHistory(tx, { budget: buildBudgetFor(unit, { year: 2024 }), status: "SIGNED_OFF" }));
    const template = await publishBudget(db, { unitCode: "800001", year: 2024, regionCode: "130433" }, documentRenderers);
    log(`Template published (snapshot ${template.snapshotId}); cloning ${UNITS} units × ${YEARS.length} years…`);

    const filled = performance.now();
    const sql = (text: string) => db.$executeRawUnsafe(text);
    // Bulk load: the per-row triggers (change notifications, ledger chain) are replaced by one set-based ledger insert below.
    for (const table of ["published_snapshots", "published_artifacts"]) await sql(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    await sql(`INSERT INTO regions (code, name, level, updated_at) VALUES ('990000', '测试省', 'PROVINCE', now())`);
    await sql(`INSERT INTO regions (code, name, level, parent_id, updated_at)
      SELECT '99' || lpad(c::text, 2, '0') || '00', '测试市' || c, 'CITY', (SELECT id FROM regions WHERE code = '990000'), now() FROM generate_series(1, ${CITIES}) c`);
    await sql(`INSERT INTO regions (code, name, level, parent_id, updated_at)
      SELECT '99' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '测试市' || c || '第' || k || '县', 'COUNTY', p.id, now()
        FROM generate_series(1, ${CITIES}) c CROSS JOIN generate_series(1, ${COUNTIES_PER_CITY}) k
        JOIN regions p ON p.code = '99' || lpad(c::text, 2, '0') || '00'
       WHERE (c - 1) * ${COUNTIES_PER_CITY} + k <= ${COUNTIES}`);
    await sql(`INSERT INTO departments (region_id, code, name, updated_at)
      SELECT r.id, lpad(d::text, 3, '0'), '部门' || d, now() FROM regions r CROSS JOIN generate_series(1, ${DEPARTMENTS_PER_COUNTY}) d WHERE r.level = 'COUNTY' AND r.code LIKE '99%'`);
    // Unit codes are unique in the province (the public URL has no region): county code + department + number.
    await sql(`INSERT INTO units (region_id, department_id, code, name, updated_at)
      SELECT d.region_id, d.id, r.code || d.code || lpad(u::text, 3, '0'), r.name || d.name || '所属单位' || u, now()
        FROM departments d JOIN regions r ON r.id = d.region_id CROSS JOIN generate_series(1, ${UNITS_PER_DEPARTMENT}) u
       WHERE r.code LIKE '99%'
       ORDER BY r.code, d.code, u
       LIMIT ${UNITS}`);
    // Budgets: the template's row for every unit and year, published.
    await sql(`DO $$
      DECLARE cols text; source text;
      BEGIN
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position), string_agg('t.' || quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols, source
          FROM information_schema.columns WHERE table_name = 'budgets' AND column_name NOT IN ('id', 'unit_id', 'year', 'code_book_revision_id');
        EXECUTE format('INSERT INTO budgets (unit_id, year, code_book_revision_id, %s) SELECT u.id, y, (SELECT max(c.id) FROM code_book_revisions c WHERE c.year = y), %s FROM units u JOIN regions r ON r.id = u.region_id
          CROSS JOIN unnest(ARRAY[${YEARS.join(", ")}]) y CROSS JOIN (SELECT * FROM budgets WHERE id = ${template.budgetId}) t WHERE r.code LIKE ''99%%''', cols, source);
      END $$`);
    await sql(`INSERT INTO published_snapshots (budget_id, unit_id, year, version, published_at, content_hash, content)
      SELECT b.id, b.unit_id, b.year, 1, b.published_at, s.content_hash, s.content
        FROM budgets b JOIN units u ON u.id = b.unit_id JOIN regions r ON r.id = u.region_id
        CROSS JOIN (SELECT content_hash, content FROM published_snapshots WHERE id = ${template.snapshotId}) s
       WHERE r.code LIKE '99%' ORDER BY b.id`);
    const firstSnapshot = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT min(id) AS id FROM published_snapshots WHERE id <> ${template.snapshotId}`);
    const fullBelow = (firstSnapshot[0]?.id ?? 0) + FULL;
    await sql(`INSERT INTO published_artifacts (snapshot_id, kind, content_type, file_name, bytes, sha256, size)
      SELECT s.id, a.kind, a.content_type, a.file_name,
             CASE WHEN s.id < ${fullBelow} THEN a.bytes ELSE '\\x'::bytea END,
             CASE WHEN s.id < ${fullBelow} THEN a.sha256 ELSE encode(sha256(''::bytea), 'hex') END,
             CASE WHEN s.id < ${fullBelow} THEN a.size ELSE 0 END
        FROM published_snapshots s CROSS JOIN (SELECT * FROM published_artifacts WHERE snapshot_id = ${template.snapshotId}) a
       WHERE s.id <> ${template.snapshotId} ORDER BY s.id, a.kind`);
    await sql(`INSERT INTO publication_ledger (chain_seq, document_scope, artifact_id, snapshot_id, kind, file_name, sha256, size, prev_hash, row_hash)
      SELECT (SELECT coalesce(max(chain_seq), 0) FROM publication_ledger) + row_number() OVER (ORDER BY a.id), 'unit', a.id, a.snapshot_id, a.kind, a.file_name, a.sha256, a.size, repeat('0', 64), repeat('0', 64)
        FROM published_artifacts a WHERE a.snapshot_id <> ${template.snapshotId}`);
    for (const table of ["published_snapshots", "published_artifacts"]) await sql(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    await sql("ANALYZE");
    const documents = await db.publishedSnapshot.count();
    log(`Filled ${documents} published documents in ${((performance.now() - filled) / 1000).toFixed(1)} s.`);

    const loadBefore = loadavg()[0]?.toFixed(2);
    const router = createSiteRouter(db, publicSiteRenderers);
    const county = "990101";
    const countyPage = await timed(20, () => router(`/regions/${county}`, new URLSearchParams()));
    const cityPage = await timed(10, () => router("/regions/990100", new URLSearchParams()));
    const provincePage = await timed(5, () => router("/regions/990000", new URLSearchParams()));
    const countyBytes = (await router(`/regions/${county}`, new URLSearchParams()))?.body.length ?? 0;

    // Document lookup as the public server does it on a miss: versions, then the file (read, sha256 checked, compressed).
    const units = await db.$queryRawUnsafe<{ code: string; year: number }[]>(
      `SELECT u.code, s.year FROM published_snapshots s JOIN units u ON u.id = s.unit_id WHERE s.id >= ${firstSnapshot[0]?.id ?? 0} AND s.id < ${fullBelow} ORDER BY s.id`,
    );
    const pick = (i: number) => units[(i * 7919) % units.length] ?? { code: "", year: 0 };
    const storeFor = () => new DocumentStore(db, { log: () => undefined });
    const lookupPage = await timed(100, async (i) => {
      const { code, year } = pick(i);
      const found = await storeFor().lookup({ year, unitCode: code }, null, "HTML");
      if (found.status !== "ok") throw new Error(`lookup of ${year}/${code}: ${found.status}`);
    });
    const lookupPdf = await timed(50, async (i) => {
      const { code, year } = pick(i + 1000);
      const found = await storeFor().lookup({ year, unitCode: code }, 1, "PDF");
      if (found.status !== "ok") throw new Error(`lookup of ${year}/${code} PDF: ${found.status}`);
    });
    const warm = storeFor();
    await warm.lookup({ year: pick(1).year, unitCode: pick(1).code }, null, "HTML");
    const peek = await timed(1000, async () => warm.peek({ year: pick(1).year, unitCode: pick(1).code }, null, "HTML"));

    // Size per 1,000 documents: everything but the artifacts, over all documents, plus the artifacts of the documents with real files.
    const [size] = await db.$queryRawUnsafe<{ total: bigint; artifacts: bigint; full_artifacts: bigint }[]>(`
      SELECT pg_database_size(current_database()) AS total,
             pg_total_relation_size('published_artifacts') + pg_total_relation_size('publication_ledger') AS artifacts,
             (SELECT sum(pg_column_size(bytes)) FROM published_artifacts WHERE snapshot_id >= ${firstSnapshot[0]?.id ?? 0} AND snapshot_id < ${fullBelow})::bigint AS full_artifacts`);
    const mib = (bytes: number) => bytes / 1024 / 1024;
    const total = Number(size?.total ?? 0);
    const artifactTables = Number(size?.artifacts ?? 0);
    const perThousandRows = ((total - Number(size?.full_artifacts ?? 0)) / documents) * 1000;
    const perThousandFiles = (Number(size?.full_artifacts ?? 0) / FULL) * 1000;
    const perThousand = perThousandRows + perThousandFiles;
    const loadAfter = loadavg()[0]?.toFixed(2);

    console.log(
      [
        `Province: ${documents.toLocaleString("en-US")} published documents (${UNITS.toLocaleString("en-US")} units × ${YEARS.length} years, ${COUNTIES} counties in ${CITIES} cities), real files for ${FULL.toLocaleString("en-US")} of them (load average before ${loadBefore}, after ${loadAfter})`,
        `  listing of a county /regions/${county} (${DEPARTMENTS_PER_COUNTY * UNITS_PER_DEPARTMENT} units, ${(countyBytes / 1024).toFixed(0)} KB), query + render, uncached: ${stats(countyPage)} — anchor: a first request after a publication in well under 1 s; later ones from memory`,
        `  listing of a city /regions/990100 (${COUNTIES_PER_CITY} counties): ${stats(cityPage)}`,
        `  listing of the province /regions/990000 (${CITIES} cities): ${stats(provincePage)}`,
        `  document lookup, page of the newest version, cold (versions + file read, sha256 checked, gzip and brotli): ${stats(lookupPage)} — anchor: a first request well under 1 s`,
        `  document lookup, a version's PDF, cold: ${stats(lookupPdf)}`,
        `  document lookup from memory (peek, every later request): ${stats(peek)}`,
        `  database ${mib(total).toFixed(0)} MiB, of which artifact and ledger tables ${mib(artifactTables).toFixed(0)} MiB; per 1,000 documents: ${mib(perThousandRows).toFixed(1)} MiB of rows and indexes + ${mib(perThousandFiles).toFixed(0)} MiB of files = ${(mib(perThousand) / 1024).toFixed(2)} GiB — anchor: printed for planning (60,000 documents ≈ ${((mib(perThousand) * 60) / 1024).toFixed(0)} GiB)`,
      ].join("\n"),
    );
  } finally {
    await db.$disconnect();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});

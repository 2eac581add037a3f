/**
 * `npx tsx scripts/bench-search.ts [documents]` (part of `npm run bench`): the citizens' search
 * (lib/search, ADR 0027) against a large synthetic index in a throw-away embedded PostgreSQL.
 *
 * The synthetic documents are derived from a real one: the demo budget's search entries (its
 * functional and economic subjects, narrative, and for the 网信办 its duties), with unit,
 * department and project names drawn from lists of real county departments and projects, in
 * 1,000 counties (10 cities) × 30 departments × ten years. One INSERT … SELECT generate_series
 * writes every row from templates whose bigram tsvectors the app computed; the indexes are built
 * afterwards and timed. Then 100 queries a citizen would type (two-character words, whole words,
 * unit names and codes, project names and codes, misspelt unit names, with and without region,
 * year, department and kind filters) run one after another through searchPublished, and their
 * p50/p95/max are printed with the load average. Default 300,000 documents (the issue's anchor;
 * several minutes on a 2-core machine); BENCH_SEARCH_DOCUMENTS or the argument for fewer;
 * BENCH_SEARCH_DATA_DIR keeps the database for another run (generation is skipped when it holds
 * exactly that many documents); BENCH_SEARCH_VERBOSE=1 prints each query's time. Prints numbers,
 * asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";

const log = (message: string) => process.stderr.write(`[bench-search] ${message}\n`);
const DOCUMENTS = Number(process.argv[2] ?? process.env.BENCH_SEARCH_DOCUMENTS ?? 300_000);
const COUNTIES = 1_000;
/** County names: 40 × 25 two-character names (安阳县, 平和县…), 100 counties to a city. */
const COUNTY_FIRST = [..."安平清永新长东西南北元丰广宁和泰兴临昌乐武建阜定宜文德富阳顺成江柏隆华景宣正通兰柳"];
const COUNTY_SECOND = [..."阳宁和丰城山河源泉川水乡林溪原州化安远泽陵台平昌县"];

const DEPARTMENTS = [
  "财政局", "教育局", "卫生健康局", "人民检察院", "人民法院", "公安局", "住房和城乡建设局", "交通运输局", "农业农村局", "水利局",
  "自然资源和规划局", "生态环境分局", "民政局", "人力资源和社会保障局", "文化广电和旅游局", "市场监督管理局", "审计局", "统计局",
  "应急管理局", "退役军人事务局", "医疗保障局", "司法局", "商务局", "发展和改革局", "科学技术局", "林业局", "信访局", "档案馆",
  "委网络安全和信息化委员会办公室", "机关事务服务中心",
];
const PROJECTS = [
  "互联网信息管理经费", "网信系统视频会议室网络租赁经费", "义务教育学校公用经费", "乡村道路养护专项资金", "农村饮水安全工程",
  "基层医疗卫生机构运行补助", "城乡居民医疗保险补助", "公共租赁住房维修资金", "老旧小区改造项目", "高标准农田建设项目",
  "河道清淤治理工程", "森林防火专项经费", "环境监测能力建设", "食品安全抽检经费", "法律援助经费", "社区矫正工作经费",
  "档案数字化加工经费", "统计调查专项经费", "审计信息化建设", "应急物资储备经费", "退役军人优抚补助", "困难群众救助资金",
  "就业创业补贴资金", "公共文化服务体系建设", "全民健身设施维护", "市场主体登记注册系统运维", "检察业务装备购置经费",
  "审判法庭安全检查设备", "交通安全设施建设", "消防救援装备购置", "政务服务大厅运行经费", "电子政务外网运维经费",
];

function run(title: string, args: string[], env: NodeJS.ProcessEnv): void {
  log(`${title}…`);
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status})`);
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  // BENCH_SEARCH_DATA_DIR keeps the database (and its generated documents) for another run.
  const keptDir = process.env.BENCH_SEARCH_DATA_DIR;
  const dir = keptDir ?? (await mkdtemp(path.join(tmpdir(), "gongkai-bench-search-")));
  const database = await startEmbeddedDatabase({
    dataRoot: dir,
    port: await findFreePort(),
    databaseName: "gongkai_bench_search",
    whenAlreadyRunning: "fail",
    isDurable: false,
    log,
    command: "npm run bench",
  });
  try {
    const env = { ...process.env, DATABASE_URL: database.url };
    run("Migrating", ["node_modules/prisma/build/index.js", "migrate", "deploy"], env);
    process.env.DATABASE_URL = database.url;
    const { prisma, disconnectPrisma } = await import("@/lib/db");
    const { combinedTsvectorLiteral, tsvectorLiteral } = await import("@/lib/search/bigrams");
    const { searchEntriesOf, toStoredEntries } = await import("@/lib/search/search-entries");
    const { buildSnapshotContent } = await import("@/lib/publication/snapshot-content");
    const { guantao2024Budget, guantao2024CodeBook } = await import("@/lib/demo/guantao-2024");
    const { searchPublished } = await import("@/lib/search/search-published");
    const { parseSearchParams } = await import("@/lib/search/search-params");
    try {
      const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, { version: 1, publishedAt: "2024-02-10T00:00:00Z", approvedAt: null, correctionNote: null });
      const demoEntries = searchEntriesOf(content);
      // Every document: the demo's functional and economic subjects (almost every unit has 行政运行,
      // 住房公积金, 养老保险缴费…) and its narrative; the 网信办's documents also its nine duties.
      const subjects = demoEntries.filter((e) => e.kind === "functional" || e.kind === "economic" || e.kind === "narrative");
      const wangxinDuties = demoEntries.filter((e) => e.kind === "duty");
      const templateTexts = (entries: typeof demoEntries) => entries.map((e) => `${e.code} ${e.title} ${e.body}`);
      const departments = DEPARTMENTS.map((name, i) => {
        const duties = name.includes("网络安全")
          ? wangxinDuties
          : [
              { kind: "duty" as const, code: "", title: "单位职责", body: `负责全县${name.replace(/局$|院$|馆$|中心$/, "")}工作的统筹规划、组织实施和监督检查。`, amountFen: null },
              { kind: "duty" as const, code: "", title: "单位职责", body: `承担${name}机关日常运转，完成县委、县政府交办的其他任务。`, amountFen: null },
            ];
        const entries = [...subjects, ...duties];
        return { n: i, code: String(101 + i), name, entries: toStoredEntries(entries), name_tsv: tsvectorLiteral(name), tsv: combinedTsvectorLiteral([name, ...templateTexts(entries)]) };
      });
      const projects = PROJECTS.map((name, i) => {
        const body = `用于${name.replace(/经费$|资金$|项目$|工程$/, "")}；保障工作正常开展，提高资金使用效益；完成率；满意度`;
        return { n: i, name, body, tsv: combinedTsvectorLiteral([`${name} ${body}`]) };
      });
      const counties = Array.from({ length: COUNTIES }, (_, i) => {
        const name = `${COUNTY_FIRST[i % COUNTY_FIRST.length]}${COUNTY_SECOND[Math.floor(i / COUNTY_FIRST.length) % COUNTY_SECOND.length]}县`;
        const city = `13${String(Math.floor(i / 100) + 1).padStart(2, "0")}00`;
        return { n: i, name, city, code: `${city.slice(0, 4)}${String((i % 100) + 1).padStart(2, "0")}` };
      });
      const units = counties.flatMap((c) => departments.map((d) => ({ n: c.n * DEPARTMENTS.length + d.n, name: `${c.name}${d.name}本级`, tsv: tsvectorLiteral(`${c.name}${d.name}本级`) })));

      const [existing] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM search_documents`;
      let generated = NaN;
      let indexSeconds = NaN;
      if (Number(existing?.n ?? 0) === DOCUMENTS) log(`Reusing the ${DOCUMENTS.toLocaleString("en-US")} documents in ${dir}.`);
      else {
        log(`Generating ${DOCUMENTS.toLocaleString("en-US")} synthetic published documents (set-based SQL)…`);
        const started = performance.now();
        await prisma.$executeRawUnsafe(`
          ALTER TABLE search_documents DROP CONSTRAINT IF EXISTS search_documents_snapshot_id_fkey;
          DROP INDEX IF EXISTS search_documents_tsv_idx; DROP INDEX IF EXISTS search_documents_name_tsv_idx;
          DROP INDEX IF EXISTS search_documents_names_trgm_idx; DROP INDEX IF EXISTS search_documents_region_codes_idx;
          DROP INDEX IF EXISTS search_documents_order_idx;
          CREATE TEMP TABLE bench_departments (n int, code text, name text, entries jsonb, name_tsv text, tsv text);
          CREATE TEMP TABLE bench_projects (n int, name text, body text, tsv text);
          CREATE TEMP TABLE bench_counties (n int, name text, city text, code text);
          CREATE TEMP TABLE bench_units (n int, name text, tsv text);`);
        await prisma.$executeRaw`INSERT INTO bench_departments SELECT * FROM json_to_recordset(${JSON.stringify(departments)}::json) AS t(n int, code text, name text, entries jsonb, name_tsv text, tsv text)`;
        await prisma.$executeRaw`INSERT INTO bench_projects SELECT * FROM json_to_recordset(${JSON.stringify(projects)}::json) AS t(n int, name text, body text, tsv text)`;
        await prisma.$executeRaw`INSERT INTO bench_counties SELECT * FROM json_to_recordset(${JSON.stringify(counties)}::json) AS t(n int, name text, city text, code text)`;
        await prisma.$executeRaw`INSERT INTO bench_units SELECT * FROM json_to_recordset(${JSON.stringify(units)}::json) AS t(n int, name text, tsv text)`;
        // Document g: unit g mod 30,000 (county × department), year 2015 + g div 30,000, three projects.
        // snapshot_id has no snapshot behind it here (its foreign key is dropped): the search never reads snapshots.
        const unitCount = COUNTIES * DEPARTMENTS.length;
        await prisma.$executeRaw`
          INSERT INTO search_documents (snapshot_id, document_kind, year, version, unit_code, unit_name, department_code, department_name,
                                        region_code, region_codes, total_fen, amount_unit, names, entries, name_tsv, tsv)
          SELECT x.g, 'unit', x.year, 1, x.unit_code, u.name, d.code, d.name, c.code, ARRAY['130000', c.city, c.code],
                 x.total, 'WAN_YUAN',
                 concat_ws(E'\n', u.name, d.name, p0.name, p1.name, p2.name),
                 jsonb_build_array(
                   jsonb_build_object('k', 'unit', 'c', x.unit_code, 't', u.name, 'b', '', 'a', x.total),
                   jsonb_build_object('k', 'department', 'c', d.code, 't', d.name, 'b', '', 'a', NULL),
                   jsonb_build_object('k', 'project', 'c', x.project_code || '1', 't', p0.name, 'b', p0.body, 'a', 1000000 + x.g % 977 * 100),
                   jsonb_build_object('k', 'project', 'c', x.project_code || '2', 't', p1.name, 'b', p1.body, 'a', 2000000 + x.g % 613 * 100),
                   jsonb_build_object('k', 'project', 'c', x.project_code || '3', 't', p2.name, 'b', p2.body, 'a', 3000000 + x.g % 421 * 100)
                 ) || d.entries,
                 strip(u.tsv::tsvector || d.name_tsv::tsvector || array_to_tsvector(ARRAY[x.unit_code, d.code]) || x.filters),
                 strip(u.tsv::tsvector || d.tsv::tsvector || p0.tsv::tsvector || p1.tsv::tsvector || p2.tsv::tsvector
                       || array_to_tsvector(ARRAY[x.unit_code, d.code, x.project_code || '1', x.project_code || '2', x.project_code || '3']) || x.filters)
            FROM (SELECT g, g % ${unitCount} AS unit, 2015 + (g / ${unitCount}) % 10 AS year,
                         (g % ${unitCount}) / ${DEPARTMENTS.length} AS county, (g % ${unitCount}) % ${DEPARTMENTS.length} AS dept,
                         ((g % ${unitCount}) % ${DEPARTMENTS.length} + 101)::text || '001' AS unit_code,
                         100000000 + g * 37 AS total
                    FROM generate_series(1, ${DOCUMENTS}) g) x0
            JOIN bench_counties c ON c.n = x0.county
            CROSS JOIN LATERAL (SELECT x0.*, c.code || x0.year || (x0.dept + 101) || '00' AS project_code,
                                       -- the filter lexemes (lib/search/bigrams.ts filterLexeme)
                                       array_to_tsvector(ARRAY['#r130000', '#r' || c.city, '#r' || c.code, '#y' || x0.year,
                                                               '#d' || (x0.dept + 101), '#kunit']) AS filters) x
            JOIN bench_units u ON u.n = x.unit
            JOIN bench_departments d ON d.n = x.dept
            JOIN bench_projects p0 ON p0.n = (x.g * 7) % ${PROJECTS.length}
            JOIN bench_projects p1 ON p1.n = (x.g * 7 + 11) % ${PROJECTS.length}
            JOIN bench_projects p2 ON p2.n = (x.g * 7 + 23) % ${PROJECTS.length}`;
        generated = (performance.now() - started) / 1000;
        log(`Generated in ${generated.toFixed(1)} s. Building the indexes…`);
        const indexStarted = performance.now();
        await prisma.$executeRawUnsafe(`SET maintenance_work_mem = '256MB'`);
        await prisma.$executeRawUnsafe(`CREATE INDEX search_documents_tsv_idx ON search_documents USING GIN (tsv)`);
        await prisma.$executeRawUnsafe(`CREATE INDEX search_documents_name_tsv_idx ON search_documents USING GIN (name_tsv)`);
        await prisma.$executeRawUnsafe(`CREATE INDEX search_documents_names_trgm_idx ON search_documents USING GIN (names gin_trgm_ops)`);
        await prisma.$executeRawUnsafe(`CREATE INDEX search_documents_order_idx ON search_documents (year DESC, id DESC)`);
        await prisma.$executeRawUnsafe(`VACUUM ANALYZE search_documents`);
        indexSeconds = (performance.now() - indexStarted) / 1000;
      }
      const [sizes] = await prisma.$queryRaw<{ documents: bigint; table_bytes: bigint; tsv_index: bigint; name_index: bigint; trgm_index: bigint; all_indexes: bigint }[]>`
        SELECT (SELECT count(*) FROM search_documents) AS documents, pg_table_size('search_documents') AS table_bytes,
               pg_relation_size('search_documents_tsv_idx') AS tsv_index, pg_relation_size('search_documents_name_tsv_idx') AS name_index,
               pg_relation_size('search_documents_names_trgm_idx') AS trgm_index, pg_indexes_size('search_documents') AS all_indexes`;

      // 100 queries a citizen would type: two-character words (common and rare), whole subject and
      // project names, a unit's name, unit codes (with and without a region), project codes,
      // misspelt unit names, and filters (year, county, city, department, kind of document).
      const words = ["住房", "网信", "教育", "检察", "公安", "医疗", "水利", "审计", "档案", "信访"];
      const phrases = ["住房公积金", "行政运行", "养老保险", "视频会议", "道路养护", "互联网信息管理", "义务教育学校公用经费", "网络舆情", "法律援助", "一般公共预算"];
      const queries: Record<string, string>[] = [];
      for (let i = 0; queries.length < 100; i += 1) {
        const county = counties[(i * 37) % COUNTIES] ?? counties[0]!;
        const dept = departments[(i * 7) % departments.length] ?? departments[0]!;
        const year = String(2015 + (i % 10));
        const wrong = [...dept.name];
        wrong[0] = wrong[0] === "审" ? "市" : "审";
        const variants: Record<string, string>[] = [
          { q: words[i % words.length]! },
          { q: phrases[i % phrases.length]! },
          { q: `${county.name}${dept.name}` },
          { q: words[(i + 3) % words.length]!, year },
          { q: `${dept.code}001`, region: county.code },
          { q: `${county.code}${year}${dept.code}002` },
          { q: phrases[(i + 5) % phrases.length]!, region: county.city },
          { q: `${county.name}${wrong.join("")}` },
          { q: words[(i + 5) % words.length]!, department: dept.code, year },
          { q: PROJECTS[i % PROJECTS.length]!, type: "unit", region: county.code },
        ];
        queries.push(variants[i % variants.length]!);
      }
      const loadBefore = loadavg().map((l) => l.toFixed(1)).join(" / ");
      const times: number[] = [];
      let hits = 0;
      for (const raw of queries.slice(0, 5)) {
        const parsed = parseSearchParams(raw);
        if (parsed.ok) await searchPublished(parsed.params, prisma);
      }
      for (const raw of queries) {
        const parsed = parseSearchParams(raw);
        if (!parsed.ok) throw new Error(parsed.message);
        const t = performance.now();
        const result = await searchPublished(parsed.params, prisma);
        times.push(performance.now() - t);
        if (result.total > 0) hits += 1;
        if (process.env.BENCH_SEARCH_VERBOSE) log(`${(performance.now() - t).toFixed(1)} ms ${JSON.stringify(raw)} → ${result.total}${result.isApproximate ? " (approximate)" : ""}`);
      }
      times.sort((a, b) => a - b);
      const mb = (n: bigint) => `${(Number(n) / 1024 / 1024).toFixed(0)} MB`;
      console.log(
        [
          `Search over ${Number(sizes?.documents ?? 0).toLocaleString("en-US")} synthetic published documents (the issue's anchor: 300,000 documents, p95 ≤ 50 ms), load average ${loadBefore} before the queries`,
          "",
          "| measure | value |",
          "|---|---|",
          `| rows generated (one INSERT … SELECT generate_series) | ${generated.toFixed(1)} s |`,
          `| index build (GIN on tsvector and on names' tsvector, GIN trigram on names, b-tree (year, id), VACUUM ANALYZE) | ${indexSeconds.toFixed(1)} s |`,
          `| search_documents table (with TOAST: entries, tsvectors) | ${mb(sizes?.table_bytes ?? 0n)} |`,
          `| GIN tsvector index, all lexemes / names | ${mb(sizes?.tsv_index ?? 0n)} / ${mb(sizes?.name_index ?? 0n)} |`,
          `| GIN trigram index on names | ${mb(sizes?.trgm_index ?? 0n)} |`,
          `| all search indexes | ${mb(sizes?.all_indexes ?? 0n)} |`,
          `| 100 queries: p50 / p95 / max | ${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} / ${percentile(times, 100).toFixed(1)} ms |`,
          `| queries with results | ${hits} of 100 |`,
        ].join("\n"),
      );
    } finally {
      await disconnectPrisma();
    }
  } finally {
    await database.stop();
    if (keptDir === undefined) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});

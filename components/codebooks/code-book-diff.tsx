import { LEVEL_LABELS, SCHEME_LABELS } from "@/lib/codebooks/code-structure";
import type { CodeBookDiff } from "@/lib/codebooks/diff-code-books";

/** Rows shown per list; the rest are counted (the full list is in the file itself). */
const SHOWN = 200;

interface Row {
  key: string;
  cells: string[];
}

function DiffTable({ title, columns, rows }: { title: string; columns: string[]; rows: Row[] }) {
  const id = `diff-${title}`;
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="mb-2 font-semibold">
        {title}（{rows.length} 个）
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">无</p>
      ) : (
        <div role="region" aria-label={title} tabIndex={0} className="max-h-80 overflow-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
          <table className="w-full border-collapse text-sm">
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-semibold">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.slice(0, SHOWN).map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) => (
                    <td key={index} className="px-3 py-1.5">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN && <p className="px-3 py-2 text-sm text-slate-700">另有 {rows.length - SHOWN} 个未列出。</p>}
        </div>
      )}
    </section>
  );
}

/** What a code book load adds, removes and renames, as three tables. */
export function CodeBookDiffView({ diff }: { diff: CodeBookDiff }) {
  const scheme = (s: keyof typeof SCHEME_LABELS) => (s === "FUNCTIONAL" ? "功能分类" : "经济分类");
  return (
    <div>
      <DiffTable
        title="新增科目"
        columns={["分类", "编码", "名称", "级次"]}
        rows={diff.added.map((c) => ({ key: `${c.scheme}${c.code}`, cells: [scheme(c.scheme), c.code, c.name, LEVEL_LABELS[c.level]] }))}
      />
      <DiffTable
        title="取消的科目"
        columns={["分类", "编码", "名称", "级次"]}
        rows={diff.removed.map((c) => ({ key: `${c.scheme}${c.code}`, cells: [scheme(c.scheme), c.code, c.name, LEVEL_LABELS[c.level]] }))}
      />
      <DiffTable
        title="更名的科目"
        columns={["分类", "编码", "原名称", "新名称"]}
        rows={diff.renamed.map((c) => ({ key: `${c.scheme}${c.code}`, cells: [scheme(c.scheme), c.code, c.oldName, c.newName] }))}
      />
    </div>
  );
}

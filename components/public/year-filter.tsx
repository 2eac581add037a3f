
function YearLink({ label, href, isCurrent }: { label: string; href: string; isCurrent: boolean }) {
  return (
    <a
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={
        isCurrent
          ? "inline-block rounded border border-slate-900 bg-slate-900 px-3 py-1 text-white"
          : "inline-block rounded border border-slate-300 px-3 py-1 text-blue-800 hover:border-blue-800 hover:underline"
      }
    >
      {label}
    </a>
  );
}

/**
 * The year filter of the home page as plain links (a GET parameter), so it works without
 * JavaScript and each filtered list has its own URL to share.
 */
export function YearFilter({ years, selected }: { years: readonly number[]; selected: number | null }) {
  return (
    <nav aria-label="按预算年度筛选" className="mb-6 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">预算年度：</span>
      <ul className="flex flex-wrap items-center gap-2">
        <li>
          <YearLink label="全部年度" href="/" isCurrent={selected === null} />
        </li>
        {years.map((year) => (
          <li key={year}>
            <YearLink label={`${year}年`} href={`/?year=${year}`} isCurrent={selected === year} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from "next/link";

export interface Crumb {
  label: string;
  /** omitted for the current page, which is the last crumb */
  href?: string;
}

/** A breadcrumb trail: an ordered list in a labelled nav, the last item marked as the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="面包屑" className="mb-4 text-sm text-slate-700">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`} className="flex items-center gap-x-1">
            {i > 0 && (
              <span aria-hidden="true" className="text-slate-500">
                ›
              </span>
            )}
            {item.href === undefined ? (
              <span aria-current="page" className="font-medium text-slate-900">
                {item.label}
              </span>
            ) : (
              <Link href={item.href} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                {item.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

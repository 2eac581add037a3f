import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AdminNav } from "@/components/organisation/form-parts";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { REGION_LEVEL_LABELS } from "@/lib/organisation/organisation-schemas";
import { loadAdministeredRegions } from "@/lib/organisation/queries";

/** The frame of both import pages: the regions the viewer may import into, or the refusal. */
export async function ImportPage({ title, path, current, intro, screen }: {
  title: string;
  path: string;
  current: "units-import" | "accounts-import";
  intro: ReactNode;
  screen: (regions: { value: string; label: string }[]) => ReactNode;
}) {
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${path}`);
  let regions: { value: string; label: string }[];
  try {
    regions = (await loadAdministeredRegions(viewer)).map((r) => ({ value: String(r.id), label: `${"　".repeat(r.depth)}${r.name}（${r.code}，${REGION_LEVEL_LABELS[r.level]}）` }));
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, path);
    throw error;
  }
  return (
    <div>
      <AdminNav current={current} />
      <h1 className="mb-1 text-2xl font-bold">{title}</h1>
      <div className="mb-6 max-w-3xl space-y-2 text-sm text-slate-700">{intro}</div>
      {regions.length === 0 ? <p className="rounded border border-slate-300 bg-slate-50 px-4 py-3">还没有可导入的地区，请先在“地区、部门和单位”中新增地区。</p> : screen(regions)}
    </div>
  );
}

import { formatAmount } from "@/lib/disclosure/money";
import type { ComparedFigure } from "@/lib/review/comparison";

/** An amount in 万元 with two decimals and thousands grouped, e.g. "1,167.60". */
export function wan(fen: number): string {
  return formatAmount(fen, "WAN_YUAN", { grouping: true });
}

/** "+12.30" / "-3.00" / "0.00" in 万元. */
export function signedWan(fen: number): string {
  return `${fen > 0 ? "+" : ""}${wan(fen)}`;
}

/** The change against last year as "+12.30万元（+11.8%）", or a dash when last year is unknown. */
export function ChangeText({ figure }: { figure: ComparedFigure }) {
  if (figure.change === null) return <span className="text-slate-600">无上年数</span>;
  const tone = figure.change > 0 ? "text-red-800" : figure.change < 0 ? "text-green-800" : "text-slate-700";
  return (
    <span className={tone}>
      {signedWan(figure.change)}
      {figure.percent === null ? "" : `（${figure.percent > 0 ? "+" : ""}${figure.percent.toFixed(1)}%）`}
    </span>
  );
}

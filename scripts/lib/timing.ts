import { performance } from "node:perf_hooks";

export interface Timing {
  runs: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Summary of measured durations (ms): mean, 95th percentile (nearest rank), maximum. */
export function summarize(durations: readonly number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil(sorted.length * 0.95) - 1);
  return {
    runs: sorted.length,
    meanMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    p95Ms: sorted[rank] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/** Runs `run` `warmUp` times unmeasured, then `runs` times, timing each run on its own. */
export function timeSync(runs: number, warmUp: number, run: (i: number) => unknown): Timing {
  for (let i = 0; i < warmUp; i++) run(i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(i);
    durations.push(performance.now() - start);
  }
  return summarize(durations);
}

/** `timeSync` for asynchronous work, one run at a time. */
export async function timeAsync(runs: number, warmUp: number, run: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await run(i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    durations.push(performance.now() - start);
  }
  return summarize(durations);
}

export const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));

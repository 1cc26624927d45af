// Load for the HTTP benches: autocannon against the running bench server, with every response's time kept
// so percentiles are exact (autocannon's own histogram has p50, p90, p97.5 and p99, but no p95).
import autocannon from "autocannon";

/** The q-th percentile (0 < q ≤ 100) of response times, nearest-rank. */
export function percentile(times: readonly number[], q: number): number {
  if (times.length === 0) return 0;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * q) / 100) - 1))];
}

/** The 95th percentile of response times. */
export function p95(times: readonly number[]): number {
  return percentile(times, 95);
}

/** Milliseconds to two decimal places, as the bench lines print them. */
export const ms2 = (ms: number) => Math.round(ms * 100) / 100;

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Requests each connection sends in turn (autocannon's `requests`), instead of GETs of `url`. */
  requests?: autocannon.Request[];
  /** Which statuses are a success; default 2xx. Anything else counts as an error. */
  ok?: (status: number) => boolean;
  /**
   * Seconds of the same load first, not counted: the server's first requests to a page compile its code
   * (V8's JIT), which would otherwise land in a short run's p95 as if every visitor paid it.
   */
  warmupSeconds?: number;
};

export type LoadResult = {
  /** responses received */
  requests: number;
  /** responses a second over the run */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** responses whose status is not `ok`, plus connection errors and timeouts */
  errors: number;
  /** responses by status code */
  statuses: Record<number, number>;
};

const is2xx = (status: number) => status >= 200 && status < 300;

function run(options: autocannon.Options, onResponse?: (status: number, responseTime: number) => void): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, res) => (error ? reject(error) : resolve(res)));
    if (onResponse) instance.on("response", (_client, status, _bytes, responseTime) => onResponse(status, responseTime));
  });
}

type Measured = { times: number[]; statuses: Record<number, number>; connectionErrors: number; seconds: number };

async function measure({ url, connections, seconds, headers, requests, warmupSeconds = 0 }: LoadOptions): Promise<Measured> {
  if (warmupSeconds > 0) await run({ url, connections, duration: warmupSeconds, headers, requests });
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const result = await run({ url, connections, duration: seconds, headers, requests }, (status, responseTime) => {
    times.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  // autocannon's `errors` already includes its `timeouts`.
  return { times, statuses, connectionErrors: result.errors, seconds: result.duration || seconds };
}

/** One result from one or more runs of the same load: responses a second over all of them, exact percentiles. */
function summarize(runs: readonly Measured[], ok: (status: number) => boolean): LoadResult {
  const times = runs.flatMap((r) => r.times);
  const statuses: Record<number, number> = {};
  for (const r of runs) for (const [status, count] of Object.entries(r.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
  const badStatuses = Object.entries(statuses).reduce((sum, [status, count]) => sum + (ok(Number(status)) ? 0 : count), 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requests: times.length,
    rps: Math.round(times.length / seconds),
    p50: ms2(percentile(times, 50)),
    p95: ms2(percentile(times, 95)),
    p99: ms2(percentile(times, 99)),
    errors: badStatuses + runs.reduce((sum, r) => sum + r.connectionErrors, 0),
    statuses,
  };
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  return summarize([await measure(options)], options.ok ?? is2xx);
}

/**
 * Two loads (each `seconds` long in all, at its own options) taken in turn, `slices` slices each, the order
 * swapped every round: a page and the route it is compared with then share the machine's drifts in speed
 * (on a shared VM, tens of percent within a minute). Each warms up first for its `warmupSeconds`.
 */
export async function loadAlternating(a: LoadOptions, b: LoadOptions, slices: number): Promise<[LoadResult, LoadResult]> {
  const sides = [a, b] as const;
  for (const side of sides) if (side.warmupSeconds) await measure({ ...side, seconds: side.warmupSeconds, warmupSeconds: 0 });
  const runs: [Measured[], Measured[]] = [[], []];
  for (let slice = 0; slice < slices; slice++) {
    for (const i of slice % 2 === 0 ? [0, 1] : [1, 0]) runs[i].push(await measure({ ...sides[i], seconds: sides[i].seconds / slices, warmupSeconds: 0 }));
  }
  return [summarize(runs[0], a.ok ?? is2xx), summarize(runs[1], b.ok ?? is2xx)];
}

// matching.n50 … matching.n400: proposeMatches for n young people × n mentors (seeded random cohort,
// mentors with 1–2 places): hard rules, scores with their explanations for every pair, and the
// optimal whole-cohort assignment, in seconds (median of a few runs after a warm-up). Goal: n200 < 0.5 s.
import { performance } from "node:perf_hooks";
import { proposeMatches } from "~/domain/mentoring/matching";
import { randomCohort } from "~/domain/mentoring/random-cohort";
import { printFigure } from "./run.ts";

const SIZES = [50, 100, 200, 400];
const RUNS = 3;

export default async function run(): Promise<void> {
  // Warm-up so the first size does not pay for JIT compilation.
  proposeMatches(randomCohort(50, 50, 1));
  for (const n of SIZES) {
    const cohort = randomCohort(n, n, n);
    const times: number[] = [];
    let matched = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const proposal = proposeMatches(cohort);
      times.push((performance.now() - started) / 1000);
      matched = proposal.pairs.length;
    }
    // A proposal that matches nobody would make the figure meaningless.
    if (matched < n / 2) throw new Error(`only ${matched} of ${n} young people matched`);
    times.sort((a, b) => a - b);
    printFigure("matching", `n${n}`, Number(times[Math.floor(RUNS / 2)].toFixed(3)), "s", n);
  }
}

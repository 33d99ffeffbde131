// Timing for the benchmark (performance notes §7): warm-ups first, then the minimum and the median of
// the measured runs. Runs are whole batches, so the timer's resolution does not matter.
export interface Timing<T> {
  minMs: number;
  medianMs: number;
  /** The last run's answer (every run answers the same problem). */
  result: T;
}

export function measure<T>(run: () => T, warmups: number, runs: number): Timing<T> {
  let result = undefined as T;
  for (let w = 0; w < warmups; w++) result = run();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { minMs: times[0], medianMs, result };
}

/** The p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: Float64Array, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Per-run samples (µs) after warm-ups, for latency percentiles; the last run's answer. */
export function sampleUs<T>(run: () => T, warmups: number, runs: number): { samplesUs: Float64Array; result: T } {
  let result = undefined as T;
  for (let w = 0; w < warmups; w++) result = run();
  const samplesUs = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = run();
    samplesUs[r] = (performance.now() - start) * 1000;
  }
  return { samplesUs, result };
}

/** Simulated epoch milliseconds → the wire's epoch seconds, at most three decimals (D53). */
export const toEpochSeconds = (ms: number): number => Math.round(ms) / 1000;

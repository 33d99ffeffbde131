// Prints Vitest's test totals as one plain line, `N passed, N failed`, for CI to read.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const line = text.split('\n').reverse().find((l) => /^\s*Tests\s+/.test(l));
if (!line) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const count = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(line) ?? [0, 0])[1]);
const skipped = count('skipped');
console.log(`${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);

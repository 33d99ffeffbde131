// One task of the brute-force scan (B4; performance notes §2): every instance is judged, and the test
// is fused with the first strategy of the chain (6.2) in the same pass. The pass keeps the least value
// of that strategy seen so far among candidates and the candidates that share it, in registration
// order (a smaller value restarts the list), which is exactly T after the first strategy. The rest of
// the chain and the final tie-break (strategies/choose-instance.ts) then run on that short list, so
// every draw is the literal core's.
import * as abi from '../../abi';
import { setWord, word } from '../../memory/words';
import {
  C, candidates, cpuFree, eniFree, M, memoryFree, P, S, scratchConstraint, strategyField, strategyType, taskCpu,
  taskMemory, taskNeedsEni,
} from '../placement-batch';
import { spreadCount } from '../strategies/spread';
import { chooseInstance } from '../strategies/choose-instance';
import { isScanCandidate } from './scan-judge';
import { scanSimdBinpack } from './scan-simd';

/** How the first strategy orders candidates: none (S = 0 or random first), a column (binpack), spread. */
const FIRST_NONE: i32 = 0;
const FIRST_COLUMN: i32 = 1;
const FIRST_SPREAD: i32 = 2;

let firstKind: i32 = FIRST_NONE;
let firstColumn: usize = 0;
let firstRow: i32 = 0;

/** Reads the first strategy once per batch (the columns' addresses do not move during a batch). */
export function planFirstStrategy(): void {
  firstKind = FIRST_NONE;
  if (S == 0) return;
  const type = word(strategyType, 0);
  if (type == abi.STRATEGY_BINPACK) {
    firstKind = FIRST_COLUMN;
    firstColumn = word(strategyField, 0) == abi.BINPACK_CPU ? cpuFree : memoryFree;
  } else if (type == abi.STRATEGY_SPREAD) {
    firstKind = FIRST_SPREAD;
    firstRow = word(strategyField, 0);
  }
}

/**
 * Whether the scan may use the column loops: no ports, no constraints (then a candidate passes the
 * gated CPU, memory and ENI tests), and task CPU and memory above i32.MIN_VALUE (the closed gate's
 * value; the v128 loop tests x ≥ need as x > need − 1).
 */
export function isColumnsOnly(): bool {
  return P == 0 && C == 0 && taskCpu != i32.MIN_VALUE && taskMemory != i32.MIN_VALUE;
}

/** The fused loop when every stage is a column test and binpack comes first (B4's kernel), scalar. */
function scanColumnsBinpack(values: usize): i32 {
  const cpu = scratchConstraint; // gated: the static stages and CPU in one compare
  const memory = memoryFree;
  const eni = eniFree;
  const needCpu = taskCpu;
  const needMemory = taskMemory;
  const needEni = taskNeedsEni != 0;
  const tie = candidates;
  const m = M;
  let n = 0;
  let best: i32 = i32.MAX_VALUE;
  for (let i = 0; i < m; i++) {
    if (word(cpu, i) >= needCpu && word(memory, i) >= needMemory && (!needEni || word(eni, i) >= 1)) {
      const v = word(values, i);
      if (v > best) continue;
      if (v < best || n == 0) {
        best = v;
        n = 0;
      }
      setWord(tie, n++, i);
    }
  }
  return n;
}

/** The general fused loop: every stage, then the first strategy's value. */
function scanGeneral(): i32 {
  const tie = candidates;
  const kind = firstKind;
  const values = firstColumn;
  const row = firstRow;
  let n = 0;
  let best: i32 = i32.MAX_VALUE;
  for (let i = 0; i < M; i++) {
    if (!isScanCandidate(i)) continue;
    if (kind != FIRST_NONE) {
      const v = kind == FIRST_COLUMN ? word(values, i) : spreadCount(row, i);
      if (v > best) continue;
      if (v < best || n == 0) {
        best = v;
        n = 0;
      }
    }
    setWord(tie, n++, i);
  }
  return n;
}

/** The column loop in v128 (scan-simd.ts); the scalar loop where the lanes cannot decide. */
function scanColumnsBinpackSimd(values: usize): i32 {
  const needEni = taskNeedsEni != 0;
  const n = scanSimdBinpack(candidates, scratchConstraint, memoryFree, eniFree, M, taskCpu, taskMemory, needEni, values == cpuFree);
  return n == 0 ? scanColumnsBinpack(values) : n;
}

/** Judges every instance for the next task; returns the chosen instance, or -1 when none qualifies. */
export function scanChoose(): i32 {
  const n = isColumnsOnly() && firstKind == FIRST_COLUMN ? scanColumnsBinpackSimd(firstColumn) : scanGeneral();
  if (n == 0) return -1;
  return chooseInstance(candidates, n, firstKind == FIRST_NONE ? 0 : 1);
}

// Best-fit buckets: the index for chains that start [spread(attribute)?, binpack(cpu | memory)]
// (performance notes 3.2–3.3: one best-fit index per attribute value, count-and-select for the
// tie-break). It answers the same tie set as the tie tree (tie-tree.ts plans both), faster:
//
// - The candidates are grouped once, at the batch's start, into value buckets: the distinct binpack
//   values in ascending order, each bucket holding its members in registration order. Per bucket and
//   class (the key under the leading spread, else 0) a Fenwick tree over the bucket's positions
//   counts the members still in it, so "the r-th member of classes A in registration order" is one
//   descent summing |A| counters per step.
// - Why buckets only ever lose members: the chosen instance is in the tie set, so its value is the
//   least of its class. A task takes d ≥ 0 of the binpack resource, so afterwards the instance is
//   either no longer a candidate, or keeps its value (d = 0), or is strictly below every other
//   candidate of its class. In the last case it becomes its class's "single": at most one per
//   class, always the class minimum, and the next task of that class lands on it again until it
//   leaves. No other instance's verdict changes (place-tasks.ts), so nothing ever joins a bucket,
//   and each class's lowest non-empty bucket only moves up.
//
// Used only when the value strategy is binpack and the task's size for it is ≥ 0 (usable()).
import * as abi from '../../abi';
import { setWord, word } from '../../memory/words';
import {
  candidateBits, cpuFree, keyCounts, keyStart, M, memoryFree, spreadKeys, strategyField, strategyType, taskCpu,
  taskMemory, tieTree,
} from '../placement-batch';
import { classes, classRow, valueStrategy } from './tie-tree';

const MAX_CLASSES = abi.TIE_TREE_MAX_CLASSES;

let values: usize = 0; // the binpack column (cpuFree or memoryFree)
let K: i32 = 1; // classes
let members: usize = 0; // candidates sorted by (value, index): n words
let fen: usize = 0; // Fenwick counters, interleaved by class: fen[p * K + c], per bucket local
let bucketValue: usize = 0; // D words
let bucketStart: usize = 0; // D + 1 words
let bucketCount: usize = 0; // D × K words: members of class c still in bucket b
let D: i32 = 0; // buckets

const single = new StaticArray<i32>(MAX_CLASSES); // the class's single, or -1
const lowest = new StaticArray<i32>(MAX_CLASSES); // the class's lowest bucket with members, or D

// The tie set of the last query: the singles (sorted by index) and the bucket members of classes tieMask.
const ties = new StaticArray<i32>(MAX_CLASSES);
let tieSingles: i32 = 0;
let tieBucket: i32 = -1;
let tieMask: i32 = 0;
let tieBucketCount: i32 = 0;

/** Whether the planned chain (tie-tree.ts planTieTree) is one this index answers. */
export function usable(): bool {
  if (valueStrategy < 0 || word(strategyType, valueStrategy) != abi.STRATEGY_BINPACK) return false;
  const d = word(strategyField, valueStrategy) == abi.BINPACK_CPU ? taskCpu : taskMemory;
  return d >= 0;
}

// @ts-ignore: decorator
@inline function classOf(i: i32): i32 {
  return classRow >= 0 ? word(spreadKeys, classRow * M + i) : 0;
}

// @ts-ignore: decorator
@inline function valueOf(i: i32): i32 {
  return word(values, i);
}

function isCandidate(i: i32): bool {
  return ((word(candidateBits, i >> 5) >>> (i & 31)) & 1) != 0;
}

/** Stable bottom-up merge sort of members[0, n) by value, through `temp` (registration order within a value). */
function sortMembers(n: i32, temp: usize): void {
  let sorted = true;
  for (let k = 1; k < n; k++) {
    if (valueOf(word(members, k - 1)) > valueOf(word(members, k))) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  let from = members;
  let to = temp;
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n);
      const hi = min(lo + (width << 1), n);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi) {
        const x = word(from, a);
        const y = word(from, b);
        if (valueOf(y) < valueOf(x)) {
          setWord(to, k++, y);
          b++;
        } else {
          setWord(to, k++, x);
          a++;
        }
      }
      while (a < mid) setWord(to, k++, word(from, a++));
      while (b < hi) setWord(to, k++, word(from, b++));
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from != members) memory.copy(members, from, <usize>n << 2);
}

/** Builds the buckets over the current candidates. Scratch: the tie tree's region. */
export function buildBuckets(): void {
  K = classes;
  values = word(strategyField, valueStrategy) == abi.BINPACK_CPU ? cpuFree : memoryFree;
  members = tieTree;
  fen = tieTree + (<usize>M << 2);
  bucketValue = fen + (<usize>(M * K) << 2);
  bucketStart = bucketValue + (<usize>M << 2);
  bucketCount = bucketStart + (<usize>(M + 1) << 2);
  let n = 0;
  const words = (M + 31) >> 5;
  for (let w = 0; w < words; w++) {
    let bits = word(candidateBits, w);
    while (bits != 0) {
      setWord(members, n++, (w << 5) + <i32>ctz(bits));
      bits &= bits - 1;
    }
  }
  sortMembers(n, fen);
  D = 0;
  for (let p = 0; p < n; p++) {
    const v = valueOf(word(members, p));
    if (D == 0 || word(bucketValue, D - 1) != v) {
      setWord(bucketValue, D, v);
      setWord(bucketStart, D, p);
      D++;
    }
  }
  setWord(bucketStart, D, n);
  for (let k = 0; k < D * K; k++) setWord(bucketCount, k, 0);
  for (let k = 0; k < n * K; k++) setWord(fen, k, 0);
  for (let b = 0; b < D; b++) {
    const start = word(bucketStart, b);
    const size = word(bucketStart, b + 1) - start;
    for (let p = 0; p < size; p++) {
      const c = classOf(word(members, start + p));
      setWord(fen, (start + p) * K + c, 1);
      setWord(bucketCount, b * K + c, word(bucketCount, b * K + c) + 1);
    }
    // Linear Fenwick build: each node adds itself to its parent (1-based j, parent j + lowbit(j)).
    for (let j = 1; j <= size; j++) {
      const parent = j + (j & -j);
      if (parent > size) continue;
      for (let c = 0; c < K; c++) {
        const at = (start + parent - 1) * K + c;
        setWord(fen, at, word(fen, at) + word(fen, (start + j - 1) * K + c));
      }
    }
  }
  for (let c = 0; c < K; c++) {
    unchecked(single[c] = -1);
    let b = 0;
    while (b < D && word(bucketCount, b * K + c) == 0) b++;
    unchecked(lowest[c] = b);
  }
}

// @ts-ignore: decorator
@inline function hasCandidate(c: i32): bool {
  return unchecked(single[c]) >= 0 || unchecked(lowest[c]) < D;
}

// @ts-ignore: decorator
@inline function classMinimum(c: i32): i32 {
  const s = unchecked(single[c]);
  return s >= 0 ? valueOf(s) : word(bucketValue, unchecked(lowest[c]));
}

/** Evaluates the indexed strategies over the candidates; returns the size of the tie set. */
export function queryBuckets(): i32 {
  let allowed = 0;
  if (classRow >= 0) {
    // 6.4: the best keys are those with the smallest count among the keys present in T.
    const counts = word(keyStart, classRow);
    let best = 0;
    for (let c = 0; c < K; c++) {
      if (!hasCandidate(c)) continue;
      const count = word(keyCounts, counts + c);
      if (allowed == 0 || count < best) {
        best = count;
        allowed = 0;
      }
      if (count == best) allowed |= 1 << c;
    }
  } else if (hasCandidate(0)) {
    allowed = 1;
  }
  tieSingles = 0;
  tieMask = 0;
  tieBucket = -1;
  tieBucketCount = 0;
  if (allowed == 0) return 0;
  let least = i32.MAX_VALUE;
  for (let c = 0; c < K; c++) {
    if ((allowed & (1 << c)) != 0) least = min(least, classMinimum(c));
  }
  for (let c = 0; c < K; c++) {
    if ((allowed & (1 << c)) == 0 || classMinimum(c) != least) continue;
    const s = unchecked(single[c]);
    if (s >= 0) {
      // Insertion into the singles, kept in registration order.
      let k = tieSingles++;
      while (k > 0 && unchecked(ties[k - 1]) > s) {
        unchecked(ties[k] = ties[k - 1]);
        k--;
      }
      unchecked(ties[k] = s);
    } else {
      const b = unchecked(lowest[c]);
      tieBucket = b; // every class here has its lowest bucket at the value `least`: the same bucket
      tieMask |= 1 << c;
      tieBucketCount += word(bucketCount, b * K + c);
    }
  }
  return tieSingles + tieBucketCount;
}

// @ts-ignore: decorator
@inline function fenSum(at: i32): i32 {
  // The counters of the classes in tieMask at interleaved row `at`.
  let s = 0;
  let mask = tieMask;
  while (mask != 0) {
    s += word(fen, at * K + <i32>ctz(mask));
    mask &= mask - 1;
  }
  return s;
}

/** The r-th (0-based) member of the tie bucket among classes tieMask, in registration order. */
function selectInBucket(r: i32): i32 {
  const start = word(bucketStart, tieBucket);
  const size = word(bucketStart, tieBucket + 1) - start;
  let pos = 0;
  let step = 1 << (31 - <i32>clz(size));
  for (; step > 0; step >>= 1) {
    const next = pos + step;
    if (next > size) continue;
    const s = fenSum(start + next - 1);
    if (s <= r) {
      pos = next;
      r -= s;
    }
  }
  return word(members, start + pos);
}

/** How many members of the tie bucket among classes tieMask come before instance y. */
function rankInBucket(y: i32): i32 {
  const start = word(bucketStart, tieBucket);
  let lo = start;
  let hi = word(bucketStart, tieBucket + 1);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (word(members, mid) < y) lo = mid + 1;
    else hi = mid;
  }
  let s = 0;
  for (let j = lo - start; j > 0; j -= j & -j) s += fenSum(start + j - 1);
  return s;
}

/** The r-th member (0-based, registration order) of the tie set of the last query. */
export function selectBucketTie(r: i32): i32 {
  if (tieBucketCount == 0) return unchecked(ties[r]);
  // Merge the singles into the bucket's order: single j sits after rankInBucket(single) members.
  for (let j = 0; j < tieSingles; j++) {
    const s = unchecked(ties[j]);
    const at = rankInBucket(s) + j;
    if (r == at) return s;
    if (r < at) return selectInBucket(r - j);
  }
  return selectInBucket(r - tieSingles);
}

/** Writes the tie set of the last query, in registration order, to `list`; returns its length. */
export function listBucketTies(list: usize): i32 {
  let n = 0;
  let j = 0;
  if (tieBucket >= 0) {
    const start = word(bucketStart, tieBucket);
    const end = word(bucketStart, tieBucket + 1);
    const v = word(bucketValue, tieBucket);
    for (let p = start; p < end; p++) {
      const i = word(members, p);
      // Still in the bucket: a member that left is no longer a candidate or is below the bucket's value.
      if ((tieMask & (1 << classOf(i))) == 0 || !isCandidate(i) || valueOf(i) != v) continue;
      while (j < tieSingles && unchecked(ties[j]) < i) setWord(list, n++, unchecked(ties[j++]));
      setWord(list, n++, i);
    }
  }
  while (j < tieSingles) setWord(list, n++, unchecked(ties[j++]));
  return n;
}

/** Instance i (a member of the last tie set) just received a task; isCandidate: its new verdict. */
export function updateBuckets(i: i32, isCandidate: bool): void {
  const c = classOf(i);
  if (unchecked(single[c]) == i) {
    if (!isCandidate) unchecked(single[c] = -1);
    return;
  }
  const b = unchecked(lowest[c]);
  if (isCandidate && valueOf(i) == word(bucketValue, b)) return; // d = 0: it stays
  // Leave bucket b: find i's position (members are in registration order within a bucket).
  const start = word(bucketStart, b);
  const size = word(bucketStart, b + 1) - start;
  let lo = start;
  let hi = start + size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (word(members, mid) < i) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo - start + 1; j <= size; j += j & -j) {
    const at = (start + j - 1) * K + c;
    setWord(fen, at, word(fen, at) - 1);
  }
  setWord(bucketCount, b * K + c, word(bucketCount, b * K + c) - 1);
  let next = b;
  while (next < D && word(bucketCount, next * K + c) == 0) next++;
  unchecked(lowest[c] = next);
  if (isCandidate) unchecked(single[c] = i); // strictly below every other candidate of class c
}

// A segment tree over instances in registration order that answers the first levels of a strategy
// chain without walking the candidates (performance notes 3.2–3.3). Each node keeps, per class k,
// the minimum value among its candidate leaves of class k and how many leaves reach it:
//   class = the instance's key under a leading spread(attribute) with at most MAX_CLASSES keys, else 0;
//   value = the next strategy's value when it depends on the instance alone (binpack cpu / memory, or
//           spread over a row whose keys are the instances themselves), else 0.
// The tie set (6.2) is then "candidates whose class is one of the best keys and whose value is the
// least among them", its size is a sum over at most MAX_CLASSES counters, and its r-th member in
// registration order is one descent: the same set, the same single draw, the same pick as the
// literal pipeline. A placement changes one instance, so one leaf is updated per task.
import * as abi from '../../abi';
import { setWord, word } from '../../memory/words';
import {
  candidateBits, cpuFree, keyCounts, keyStart, M, memoryFree, S, spreadKeyCount, spreadKeys, strategyField, strategyType,
  tieTree,
} from '../placement-batch';
import { spreadCount } from '../strategies/spread';

const MAX_CLASSES = abi.TIE_TREE_MAX_CLASSES;
const NONE: i32 = i32.MAX_VALUE;

let size: i32 = 1; // leaves: the smallest power of two ≥ M
export let classes: i32 = 1;
export let classRow: i32 = -1; // the spread row giving classes, or -1
export let valueStrategy: i32 = -1; // the strategy giving values, or -1
/** The first strategy the tree does not answer (S when it answers them all). */
export let firstUnindexedStrategy: i32 = 0;
let indexed = false;

// The tie set of the current query.
let allowed: i32 = 0; // bit k: class k holds best keys
let least: i32 = 0; // the least value among them

/** Whether every instance is its own key in spread row `row` (spread instanceId / host). */
function isInstanceRow(row: i32): bool {
  if (word(spreadKeyCount, row) != M) return false;
  for (let i = 0; i < M; i++) if (word(spreadKeys, row * M + i) != i) return false;
  return true;
}

function isValueStrategy(s: i32): bool {
  const type = word(strategyType, s);
  return type == abi.STRATEGY_BINPACK || (type == abi.STRATEGY_SPREAD && isInstanceRow(word(strategyField, s)));
}

/** Decides which leading strategies the tree answers; true when it answers at least one. */
export function planTieTree(): bool {
  classRow = -1;
  valueStrategy = -1;
  classes = 1;
  let s = 0;
  if (S > 0 && word(strategyType, 0) == abi.STRATEGY_SPREAD && !isValueStrategy(0)) {
    const keys = word(spreadKeyCount, word(strategyField, 0));
    if (keys >= 1 && keys <= MAX_CLASSES) {
      classRow = word(strategyField, 0);
      classes = keys;
      s = 1;
    }
  }
  if (s < S && isValueStrategy(s)) {
    valueStrategy = s;
    s++;
  }
  firstUnindexedStrategy = s;
  // With no strategy, or random first, the tie set is every candidate (classes 1, values 0).
  indexed = s > 0 || S == 0 || word(strategyType, 0) == abi.STRATEGY_RANDOM;
  return indexed;
}

// @ts-ignore: decorator
@inline function slot(node: i32, k: i32): i32 {
  return (node * classes + k) << 1;
}

function valueOf(i: i32): i32 {
  if (valueStrategy < 0) return 0;
  const type = word(strategyType, valueStrategy);
  const field = word(strategyField, valueStrategy);
  if (type == abi.STRATEGY_SPREAD) return spreadCount(field, i);
  return field == abi.BINPACK_CPU ? word(cpuFree, i) : word(memoryFree, i);
}

function setLeaf(i: i32, isCandidate: bool): void {
  const node = size + i;
  const k = classRow >= 0 ? word(spreadKeys, classRow * M + i) : 0;
  for (let c = 0; c < classes; c++) {
    const on = isCandidate && c == k;
    setWord(tieTree, slot(node, c), on ? valueOf(i) : NONE);
    setWord(tieTree, slot(node, c) + 1, on ? 1 : 0);
  }
}

function pull(node: i32): void {
  const left = node << 1;
  for (let c = 0; c < classes; c++) {
    // Presence is the count, so any i32 value (even NONE) is a valid value.
    const a = word(tieTree, slot(left, c));
    const an = word(tieTree, slot(left, c) + 1);
    const b = word(tieTree, slot(left + 1, c));
    const bn = word(tieTree, slot(left + 1, c) + 1);
    let m = NONE;
    let n = 0;
    if (an > 0 && (bn == 0 || a <= b)) {
      m = a;
      n = an;
    }
    if (bn > 0 && (an == 0 || b <= a)) {
      m = b;
      n += bn;
    }
    setWord(tieTree, slot(node, c), m);
    setWord(tieTree, slot(node, c) + 1, n);
  }
}

function isCandidate(i: i32): bool {
  return ((word(candidateBits, i >> 5) >>> (i & 31)) & 1) != 0;
}

/** Builds the tree over the current candidates (the candidate bitset). */
export function buildTieTree(): void {
  size = 1;
  while (size < M) size <<= 1;
  for (let i = 0; i < size; i++) setLeaf(i, i < M && isCandidate(i));
  for (let node = size - 1; node >= 1; node--) pull(node);
}

/** Instance i's value or candidacy changed (it just received a task). */
export function updateTieTree(i: i32, isCandidate: bool): void {
  setLeaf(i, isCandidate);
  for (let node = (size + i) >> 1; node >= 1; node >>= 1) pull(node);
}

function tiesIn(node: i32): i32 {
  let n = 0;
  for (let c = 0; c < classes; c++) {
    const count = word(tieTree, slot(node, c) + 1);
    if ((allowed & (1 << c)) != 0 && count > 0 && word(tieTree, slot(node, c)) == least) n += count;
  }
  return n;
}

/** Evaluates the indexed strategies over the candidates; returns the size of the tie set. */
export function queryTies(): i32 {
  allowed = 0;
  if (classRow >= 0) {
    // 6.4: the best keys are those with the smallest count among the keys present in T.
    let best = 0;
    for (let c = 0; c < classes; c++) {
      if (word(tieTree, slot(1, c) + 1) == 0) continue; // no candidate has key c
      const count = spreadCountOfKey(c);
      if (allowed == 0 || count < best) {
        best = count;
        allowed = 0;
      }
      if (count == best) allowed |= 1 << c;
    }
  } else {
    allowed = 1;
  }
  let found = false;
  for (let c = 0; c < classes; c++) {
    if ((allowed & (1 << c)) == 0 || word(tieTree, slot(1, c) + 1) == 0) continue;
    const v = word(tieTree, slot(1, c));
    if (!found || v < least) least = v;
    found = true;
  }
  return found ? tiesIn(1) : 0;
}

/** The r-th member (0-based, registration order) of the tie set of the last query. */
export function selectTie(r: i32): i32 {
  let node = 1;
  while (node < size) {
    const left = node << 1;
    const n = tiesIn(left);
    if (r < n) node = left;
    else {
      r -= n;
      node = left + 1;
    }
  }
  return node - size;
}

/** Writes the tie set of the last query, in registration order, to `list`; returns its length. */
export function listTies(list: usize): i32 {
  return collect(1, list, 0);
}

function collect(node: i32, list: usize, n: i32): i32 {
  if (tiesIn(node) == 0) return n;
  if (node >= size) {
    setWord(list, n, node - size);
    return n + 1;
  }
  n = collect(node << 1, list, n);
  return collect((node << 1) + 1, list, n);
}

/** The count of key c of the class row: the per-key counters spread keeps (6.4). */
function spreadCountOfKey(c: i32): i32 {
  return word(keyCounts, word(keyStart, classRow) + c);
}

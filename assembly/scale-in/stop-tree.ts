// The tie tree of scale-in (semantics 8; performance notes 3.2 "the same structures read in reverse"):
// a segment tree over instances in registration order. Per node and class k (the key under a leading
// spread(attribute) with at most TIE_TREE_MAX_CLASSES (8) keys, else 0) it keeps, over the instances that
// hold a candidate task:
//   least   — the least of −value (value: the next strategy's, reversed to "keep the largest": spread
//             over the instances themselves, or binpack's free + largest task, D49; else 0);
//   best    — among the instances reaching `least`, the best task key, (PENDING, createdRank) packed;
//   matches — how many of their tasks carry that key (rules 1–2 of 8);
//   tasks   — how many candidate tasks they hold (for `random`, which skips rules 1–2).
// So the tie set, its size and its r-th task in (instance, taskOrder) order come from the root and
// one descent, the same set and the same single draw as the literal selection.
import * as abi from '../abi';
import { setWord, word } from '../memory/words';

const NONE: i32 = i32.MAX_VALUE;
const PENDING_BIT: i32 = 1 << 30;

// Columns, set by planStopTree.
let M: i32 = 0;
let S: i32 = 0;
let tree: usize = 0;
let strategyType: usize = 0;
let strategyField: usize = 0;
let spreadKeys: usize = 0;
let spreadKeyCount: usize = 0;
let keyStart: usize = 0;
let keyCounts: usize = 0;
let cpuFree: usize = 0;
let memoryFree: usize = 0;
let taskCpu: usize = 0;
let taskMemory: usize = 0;
let taskPending: usize = 0;
let taskCreatedRank: usize = 0;
let taskStart: usize = 0;
let taskSorted: usize = 0;
let taskChosen: usize = 0;

let size: i32 = 1;
let classes: i32 = 1;
let classRow: i32 = -1;
let valueStrategy: i32 = -1;
/** True when the chain ends in `random` right after the indexed strategies. */
export let drawsAnyTask = false;

// The current query.
let allowed: i32 = 0;
let least: i32 = 0;
let best: i32 = 0;

function isInstanceRow(row: i32): bool {
  if (word(spreadKeyCount, row) != M) return false;
  for (let i = 0; i < M; i++) if (word(spreadKeys, row * M + i) != i) return false;
  return true;
}

function isValueStrategy(s: i32): bool {
  const type = word(strategyType, s);
  return type == abi.STRATEGY_BINPACK || (type == abi.STRATEGY_SPREAD && isInstanceRow(word(strategyField, s)));
}

/** Whether the tree answers the whole chain: [spread(attribute, ≤ 8 keys)]? [value]? [random ...]? */
export function planStopTree(
  instances: i32, strategies: i32, treeRegion: usize, types: usize, fields: usize, keys: usize, keysPerRow: usize,
  starts: usize, counts: usize, cpu: usize, memory: usize, tCpu: usize, tMemory: usize, tPending: usize,
  tRank: usize, tStart: usize, tSorted: usize, tChosen: usize,
): bool {
  M = instances; S = strategies; tree = treeRegion; strategyType = types; strategyField = fields;
  spreadKeys = keys; spreadKeyCount = keysPerRow; keyStart = starts; keyCounts = counts;
  cpuFree = cpu; memoryFree = memory; taskCpu = tCpu; taskMemory = tMemory; taskPending = tPending;
  taskCreatedRank = tRank; taskStart = tStart; taskSorted = tSorted; taskChosen = tChosen;
  classRow = -1;
  valueStrategy = -1;
  classes = 1;
  let s = 0;
  if (S > 0 && word(strategyType, 0) == abi.STRATEGY_SPREAD && !isValueStrategy(0)) {
    const k = word(spreadKeyCount, word(strategyField, 0));
    if (k < 1 || k > abi.TIE_TREE_MAX_CLASSES) return false;
    classRow = word(strategyField, 0);
    classes = k;
    s = 1;
  }
  if (s < S && isValueStrategy(s)) valueStrategy = s++;
  drawsAnyTask = s < S && word(strategyType, s) == abi.STRATEGY_RANDOM;
  return s == S || drawsAnyTask;
}

// @ts-ignore: decorator
@inline function slot(node: i32, k: i32): i32 {
  return (node * classes + k) << 2;
}

// @ts-ignore: decorator
@inline function taskKey(t: i32): i32 {
  return (word(taskPending, t) != 0 ? PENDING_BIT : 0) | word(taskCreatedRank, t);
}

/** Sets instance i's leaf: present when it holds a candidate task (`present`). */
export function setStopLeaf(i: i32, present: bool): void {
  const node = size + i;
  const k = classRow >= 0 ? word(spreadKeys, classRow * M + i) : 0;
  for (let c = 0; c < classes; c++) {
    setWord(tree, slot(node, c), NONE);
    setWord(tree, slot(node, c) + 1, 0);
    setWord(tree, slot(node, c) + 2, 0);
    setWord(tree, slot(node, c) + 3, 0);
  }
  if (!present) return;
  let key = -1;
  let matches = 0;
  let tasks = 0;
  let largestCpu = i32.MIN_VALUE;
  let largestMemory = i32.MIN_VALUE;
  const end = word(taskStart, i + 1);
  for (let a = word(taskStart, i); a < end; a++) {
    const t = word(taskSorted, a);
    if (word(taskChosen, t) != 0) continue;
    tasks++;
    largestCpu = max(largestCpu, word(taskCpu, t));
    largestMemory = max(largestMemory, word(taskMemory, t));
    const kt = taskKey(t);
    if (kt > key) {
      key = kt;
      matches = 0;
    }
    if (kt == key) matches++;
  }
  let value = 0;
  if (valueStrategy >= 0) {
    const field = word(strategyField, valueStrategy);
    if (word(strategyType, valueStrategy) == abi.STRATEGY_SPREAD) {
      value = word(keyCounts, word(keyStart, field) + word(spreadKeys, field * M + i));
    } else if (field == abi.BINPACK_CPU) {
      value = word(cpuFree, i) + largestCpu; // D49
    } else {
      value = word(memoryFree, i) + largestMemory;
    }
  }
  setWord(tree, slot(node, k), -value);
  setWord(tree, slot(node, k) + 1, key);
  setWord(tree, slot(node, k) + 2, matches);
  setWord(tree, slot(node, k) + 3, tasks);
}

function pull(node: i32): void {
  const a = node << 1;
  const b = a + 1;
  for (let c = 0; c < classes; c++) {
    const at = word(tree, slot(a, c) + 3);
    const bt = word(tree, slot(b, c) + 3);
    const av = word(tree, slot(a, c));
    const bv = word(tree, slot(b, c));
    const useA = at > 0 && (bt == 0 || av <= bv);
    const useB = bt > 0 && (at == 0 || bv <= av);
    let v = NONE;
    let key = -1;
    let matches = 0;
    let tasks = 0;
    if (useA) {
      v = av;
      key = word(tree, slot(a, c) + 1);
      matches = word(tree, slot(a, c) + 2);
      tasks = at;
    }
    if (useB) {
      v = bv;
      const bk = word(tree, slot(b, c) + 1);
      if (bk > key) {
        key = bk;
        matches = 0;
      }
      if (bk == key) matches += word(tree, slot(b, c) + 2);
      tasks += bt;
    }
    setWord(tree, slot(node, c), v);
    setWord(tree, slot(node, c) + 1, key);
    setWord(tree, slot(node, c) + 2, matches);
    setWord(tree, slot(node, c) + 3, tasks);
  }
}

/** Builds the tree; `present(i)` is read from `presence` (nonzero: i holds a candidate task). */
export function buildStopTree(presence: usize, drainingOnly: bool, instanceState: usize): void {
  size = 1;
  while (size < M) size <<= 1;
  for (let i = 0; i < size; i++) {
    setStopLeaf(i, i < M && word(presence, i) > 0 && (!drainingOnly || word(instanceState, i) == abi.INSTANCE_DRAINING));
  }
  for (let node = size - 1; node >= 1; node--) pull(node);
}

export function updateStopTree(i: i32, present: bool): void {
  setStopLeaf(i, present);
  for (let node = (size + i) >> 1; node >= 1; node >>= 1) pull(node);
}

/** How many tasks of the current tie set lie under `node`. */
function tiesIn(node: i32): i32 {
  let n = 0;
  for (let c = 0; c < classes; c++) {
    if ((allowed & (1 << c)) == 0 || word(tree, slot(node, c) + 3) == 0 || word(tree, slot(node, c)) != least) continue;
    if (drawsAnyTask) n += word(tree, slot(node, c) + 3);
    else if (word(tree, slot(node, c) + 1) == best) n += word(tree, slot(node, c) + 2);
  }
  return n;
}

/** Runs the reversed chain and rules 1–2 on the root; returns the number of tasks tied for the draw. */
export function queryStopTies(): i32 {
  allowed = 0;
  if (classRow >= 0) {
    let most = 0; // 8: spread reversed keeps the keys with the LARGEST count among those present
    for (let c = 0; c < classes; c++) {
      if (word(tree, slot(1, c) + 3) == 0) continue;
      const count = word(keyCounts, word(keyStart, classRow) + c);
      if (allowed == 0 || count > most) {
        most = count;
        allowed = 0;
      }
      if (count == most) allowed |= 1 << c;
    }
  } else {
    allowed = 1;
  }
  let found = false;
  for (let c = 0; c < classes; c++) {
    if ((allowed & (1 << c)) == 0 || word(tree, slot(1, c) + 3) == 0) continue;
    const v = word(tree, slot(1, c));
    if (!found || v < least) least = v;
    found = true;
  }
  if (!found) return 0;
  best = -1;
  for (let c = 0; c < classes; c++) {
    if ((allowed & (1 << c)) == 0 || word(tree, slot(1, c) + 3) == 0 || word(tree, slot(1, c)) != least) continue;
    best = max(best, word(tree, slot(1, c) + 1));
  }
  return tiesIn(1);
}

/** The r-th tied task in (instance, taskOrder) order. */
export function selectStopTie(r: i32): i32 {
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
  const i = node - size;
  const end = word(taskStart, i + 1);
  for (let a = word(taskStart, i); a < end; a++) {
    const t = word(taskSorted, a);
    if (word(taskChosen, t) != 0) continue;
    if (!drawsAnyTask && taskKey(t) != best) continue;
    if (r == 0) return t;
    r--;
  }
  return -1;
}

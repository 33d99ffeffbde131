// A set of instance indices kept in registration order, with count-and-select (performance notes 3.1,
// 3.2 "rank/select over the tie set"): a sorted id array, tombstones for removals and a Fenwick tree
// over the live flags, so select(r), countBelow(x) and delete are O(log n). Ids arriving above the
// largest id are appended in O(log n); any other insertion rebuilds in O(n) (rare: a bucket receives
// instances whose value just dropped, which almost always are new buckets). Small sets (most buckets
// hold one instance) live in a plain sorted array and move to the typed arrays when they grow.
import { fenwickAdd, fenwickAppend, fenwickBuild, fenwickPrefix, fenwickSelect } from './fenwick.ts';

const SMALL = 32;

const EMPTY_I32 = new Int32Array(0);
const EMPTY_U8 = new Uint8Array(0);
const ONE_I32 = new Int32Array(1);

export class OrderedIdSet {
  /** The members while the set is small (null once it has moved to the typed arrays). */
  private small: number[] | null = [];
  private ids = EMPTY_I32;
  private alive = EMPTY_U8;
  private tree = ONE_I32; // 1-based
  private length = 0; // slots used, dead ones included
  /** Live members. */
  size = 0;

  add(id: number): void {
    const small = this.small;
    if (small !== null) {
      let p = small.length;
      while (p > 0 && small[p - 1] > id) p--;
      if (p > 0 && small[p - 1] === id) throw new Error(`OrderedIdSet: ${id} is already a member`);
      if (p === small.length) small.push(id);
      else small.splice(p, 0, id);
      this.size++;
      if (small.length > SMALL) {
        this.small = null;
        this.length = 0;
        this.rebuildFrom(small);
      }
      return;
    }
    if (this.length > 0 && id <= this.ids[this.length - 1]) {
      this.rebuild(id);
      return;
    }
    if (this.length === this.ids.length) this.grow(this.length * 2);
    this.ids[this.length] = id;
    this.alive[this.length] = 1;
    this.length++;
    fenwickAppend(this.tree, this.length, 1);
    this.size++;
  }

  delete(id: number): void {
    const small = this.small;
    if (small !== null) {
      const p = small.indexOf(id);
      if (p < 0) throw new Error(`OrderedIdSet: ${id} is not a member`);
      small.splice(p, 1);
      this.size--;
      return;
    }
    const pos = this.lowerBound(id);
    if (pos >= this.length || this.ids[pos] !== id || this.alive[pos] === 0) throw new Error(`OrderedIdSet: ${id} is not a member`);
    this.alive[pos] = 0;
    fenwickAdd(this.tree, this.length, pos + 1, -1);
    this.size--;
    if (this.length > 32 && this.size * 2 < this.length) this.rebuild(-1);
  }

  /** The r-th member (0-based) in registration order. */
  select(r: number): number {
    if (this.small !== null) return this.small[r];
    return this.ids[fenwickSelect(this.tree, this.length, r + 1) - 1];
  }

  /** Live members with id < x. */
  countBelow(x: number): number {
    const small = this.small;
    if (small !== null) {
      let n = 0;
      while (n < small.length && small[n] < x) n++;
      return n;
    }
    return fenwickPrefix(this.tree, this.lowerBound(x));
  }

  /** The live members, in order, appended to `out`. */
  appendTo(out: number[]): void {
    if (this.small !== null) {
      for (const id of this.small) out.push(id);
      return;
    }
    for (let p = 0; p < this.length; p++) if (this.alive[p] !== 0) out.push(this.ids[p]);
  }

  /** Writes the live members, in order, to out[at ..]; returns the index after the last. */
  copyInto(out: Int32Array, at: number): number {
    let k = at;
    const small = this.small;
    if (small !== null) {
      for (let p = 0; p < small.length; p++) out[k++] = small[p];
      return k;
    }
    for (let p = 0; p < this.length; p++) if (this.alive[p] !== 0) out[k++] = this.ids[p];
    return k;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(capacity: number): void {
    const ids = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.length));
    const alive = new Uint8Array(capacity);
    alive.set(this.alive.subarray(0, this.length));
    const tree = new Int32Array(capacity + 1);
    tree.set(this.tree.subarray(0, this.length + 1));
    this.ids = ids;
    this.alive = alive;
    this.tree = tree;
  }

  /** Drops the tombstones and, when extra ≥ 0, inserts it in order. */
  private rebuild(extra: number): void {
    const live: number[] = [];
    this.appendTo(live);
    if (extra >= 0) {
      let p = live.length;
      while (p > 0 && live[p - 1] > extra) p--;
      if (p > 0 && live[p - 1] === extra) throw new Error(`OrderedIdSet: ${extra} is already a member`);
      live.splice(p, 0, extra);
    }
    this.rebuildFrom(live);
  }

  private rebuildFrom(live: number[]): void {
    const n = live.length;
    if (n > this.ids.length) this.grow(Math.max(n, this.ids.length * 2));
    this.ids.set(live);
    this.alive.fill(1, 0, n);
    this.length = n;
    this.size = n;
    fenwickBuild(this.tree, this.alive, n);
  }
}

const scratch = new Int32Array(64);

/** The r-th member (registration order) of the union of disjoint sets[0 .. setCount): a binary search on the id. */
export function selectInUnion(sets: readonly OrderedIdSet[], setCount: number, r: number, idLimit: number): number {
  if (setCount === 1) return sets[0].select(r);
  let total = 0;
  for (let s = 0; s < setCount; s++) total += sets[s].size;
  if (total <= 64) { // a few members: merge them (insertion sort into a scratch array)
    const members = scratch;
    let count = 0;
    for (let s = 0; s < setCount; s++) count = sets[s].copyInto(members, count);
    for (let a = 1; a < count; a++) {
      const id = members[a];
      let b = a;
      while (b > 0 && members[b - 1] > id) {
        members[b] = members[b - 1];
        b--;
      }
      members[b] = id;
    }
    return members[r];
  }
  let lo = 0;
  let hi = idLimit - 1; // the answer x is the smallest id with countBelow(x + 1) > r
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let below = 0;
    for (let s = 0; s < setCount; s++) below += sets[s].countBelow(mid + 1);
    if (below > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// The feasible instances of one key (or of the whole cluster), bucketed by a value the strategy
// minimises (binpack: free CPU or memory; spread over a one-instance-per-key row: the key's count),
// each bucket in registration order (performance notes 3.2, the best-fit index and count buckets).
// The smallest non-empty value is the top of a lazy min-heap: every bucket pushes its value when it is
// created, and tops whose bucket has gone are popped when met. O(log M) per update.
import { MinHeap } from './min-heap.ts';
import { OrderedIdSet } from './ordered-id-set.ts';

export class ValueBuckets {
  private readonly buckets = new Map<number, OrderedIdSet>();
  private readonly heap = new MinHeap();
  /** Feasible instances held. */
  size = 0;

  add(id: number, value: number): void {
    let bucket = this.buckets.get(value);
    if (bucket === undefined) {
      bucket = new OrderedIdSet();
      this.buckets.set(value, bucket);
      this.heap.push(value);
    }
    bucket.add(id);
    this.size++;
  }

  delete(id: number, value: number): void {
    const bucket = this.buckets.get(value);
    if (bucket === undefined) throw new Error(`ValueBuckets: no bucket ${value}`);
    bucket.delete(id);
    if (bucket.size === 0) this.buckets.delete(value);
    this.size--;
  }

  /** Moves a member to another value; a bucket it had alone is re-keyed rather than rebuilt. */
  move(id: number, from: number, to: number): void {
    if (from === to) return;
    const bucket = this.buckets.get(from);
    if (bucket !== undefined && bucket.size === 1 && !this.buckets.has(to)) {
      this.buckets.delete(from);
      this.buckets.set(to, bucket);
      this.heap.push(to);
      return;
    }
    this.delete(id, from);
    this.add(id, to);
  }

  /** The smallest value with a member; call only when size > 0. */
  minValue(): number {
    for (;;) {
      const value = this.heap.peek();
      if (this.buckets.has(value)) return value;
      this.heap.pop();
    }
  }

  /** The members with `value`, in registration order. */
  bucket(value: number): OrderedIdSet | undefined {
    return this.buckets.get(value);
  }
}

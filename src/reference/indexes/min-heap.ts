// A binary min-heap of integers: the smallest value that has a non-empty bucket (performance notes 3.2,
// best-fit by value). Callers remove stale tops lazily.

export class MinHeap {
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(value: number): void {
    const a = this.items;
    let j = a.length;
    a.push(value);
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (a[parent] <= value) break;
      a[j] = a[parent];
      j = parent;
    }
    a[j] = value;
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1] < a[l] ? l + 1 : l;
        if (a[c] >= last) break;
        a[j] = a[c];
        j = c;
      }
      a[j] = last;
    }
    return top;
  }
}

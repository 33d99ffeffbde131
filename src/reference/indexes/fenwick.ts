// Fenwick (binary indexed) tree over 0/1 flags, 1-based: prefix counts and select in O(log n)
// (performance notes 3.2, "random and the final tie-break"). `n` is the number of positions in use.

export function fenwickAdd(tree: Int32Array, n: number, position: number, delta: number): void {
  for (let j = position; j <= n; j += j & -j) tree[j] += delta;
}

/** Sum of positions 1..j. */
export function fenwickPrefix(tree: Int32Array, j: number): number {
  let sum = 0;
  for (let k = j; k > 0; k -= k & -k) sum += tree[k];
  return sum;
}

/** Position n was just added with `value`: tree[n] covers (n − lowbit(n), n]. */
export function fenwickAppend(tree: Int32Array, n: number, value: number): void {
  const low = n & -n;
  tree[n] = value + fenwickPrefix(tree, n - 1) - fenwickPrefix(tree, n - low);
}

/** Linear-time build from flags[0 .. n). */
export function fenwickBuild(tree: Int32Array, flags: Uint8Array, n: number): void {
  tree.fill(0, 0, n + 1);
  for (let j = 1; j <= n; j++) {
    tree[j] += flags[j - 1];
    const parent = j + (j & -j);
    if (parent <= n) tree[parent] += tree[j];
  }
}

/** The smallest position p with prefix(p) ≥ k (k ≥ 1, k ≤ the total). */
export function fenwickSelect(tree: Int32Array, n: number, k: number): number {
  let pos = 0;
  let remaining = k;
  for (let step = n === 0 ? 0 : 1 << (31 - Math.clz32(n)); step > 0; step >>= 1) {
    const next = pos + step;
    if (next <= n && tree[next] < remaining) {
      pos = next;
      remaining -= tree[next];
    }
  }
  return pos + 1;
}

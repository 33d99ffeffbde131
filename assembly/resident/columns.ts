// Growable i32 columns for the resident store. Only the store's apply path grows them (never gather
// or place); growth doubles, so n appends cost O(n) amortized and O(log n) reallocations.

/** `column` if it holds `length` words, else a doubled copy that does (new words are 0). */
export function grownTo(column: StaticArray<i32>, length: i32): StaticArray<i32> {
  if (length <= column.length) return column;
  let capacity = max(8, column.length);
  while (capacity < length) capacity <<= 1;
  const bigger = new StaticArray<i32>(capacity);
  memory.copy(changetype<usize>(bigger), changetype<usize>(column), <usize>column.length << 2);
  return bigger;
}

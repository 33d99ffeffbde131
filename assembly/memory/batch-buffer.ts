// The one pre-allocated region a batch crosses through (performance notes 4–5): the host writes the
// problem into it, the core works and answers in it. It is never freed, so a steady stream of batches
// allocates nothing after warm-up and placeTasks itself never allocates.
//
// It lives at the top of linear memory, outside the allocator, and grows IN PLACE with memory.grow
// (B14: linear memory ≤ 64 MB at M = 100 k, N = 1 M). Through the allocator it could not: TLSF
// (assemblyscript std/assembly/rt/tlsf.ts, growMemory) grows memory by max(its current pages, the
// whole request + 1/16 rounding) and keeps the freed old block, so a 53 MB scale-in batch after a
// 16 MiB buffer ends at 71 MiB, and doubling alone rounds it to 64 MiB + 4 MiB. Here linear memory
// is the runtime's own pages plus the largest batch so far (whole pages), doubled only below
// DOUBLING_LIMIT so that small batches do not grow memory one page at a time. TLSF tolerates pages
// it did not grow (addMemory: "a user might memory.grow manually"); it never touches these.

/** Below this many bytes the region at least doubles when it grows; above it, it grows to the request. */
const DOUBLING_LIMIT: usize = 16 << 20;
/** The largest region: 2^30 words would not fit in a 32-bit address space anyway. */
const MAX_WORDS: i32 = (1 << 30) - (1 << 16);

let bufferBase: usize = 0;
let bufferBytes: usize = 0;

/** Makes room for `words` i32 words and returns the region's address (it moves when it grows). */
export function reserveBatchBuffer(words: i32): usize {
  if (words < 0 || words > MAX_WORDS) unreachable();
  const bytes = <usize>words << 2;
  if (bufferBase != 0 && bytes <= bufferBytes) return bufferBase;
  const top = <usize>memory.size() << 16;
  // Still the top of memory: extend it. Otherwise (first call, or the allocator grew memory since)
  // start afresh at the top; the old region is then left unused. Placement and scale-in allocate
  // nothing, so without resident stores this happens once; a resident store's allocations
  // (applyClusterDeltas) can make it happen again, at most once per doubling of linear memory
  // (resident/cluster-store.ts).
  if (bufferBase == 0 || bufferBase + bufferBytes != top) {
    bufferBase = top;
    bufferBytes = 0;
  }
  const wanted = max(bytes, min(bufferBytes << 1, DOUBLING_LIMIT));
  const pages = <i32>((wanted - bufferBytes + 0xffff) >>> 16);
  if (pages > 0 && memory.grow(pages) < 0) unreachable();
  bufferBytes = (<usize>memory.size() << 16) - bufferBase;
  return bufferBase;
}

export function batchBufferBase(): usize {
  return bufferBase;
}

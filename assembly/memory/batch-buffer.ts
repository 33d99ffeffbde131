// The one pre-allocated region a batch crosses through (performance notes 4–5): the host writes the
// problem into it, the core works and answers in it. It grows by doubling and is never freed, so a
// steady stream of batches allocates nothing after warm-up and placeTasks itself never allocates.

let bufferBase: usize = 0;
let bufferWords: i32 = 0;

/** Makes room for `words` i32 words and returns the region's address (it moves when it grows). */
export function reserveBatchBuffer(words: i32): usize {
  if (words > bufferWords) {
    let capacity = bufferWords > 0 ? bufferWords : 1024;
    while (capacity < words) capacity <<= 1;
    if (bufferBase != 0) heap.free(bufferBase);
    bufferBase = heap.alloc(<usize>capacity << 2);
    bufferWords = capacity;
  }
  return bufferBase;
}

export function batchBufferBase(): usize {
  return bufferBase;
}

// The v128 form of B4's kernel (performance notes §2: AssemblyScript SIMD): four instances per step,
// for the fused loop of scan-choose.ts when every stage is a column test and binpack comes first.
// Pass 1 keeps only the least binpack value per lane (load, test, select, min: no tie counts and no
// indexes in the hot loop), folded every CHUNK instances into the least value so far and the span
// [lo, hi) of the chunks that reached it. Pass 2 lists the tie set (the candidates holding that value)
// in registration order from that span only: one chunk when the least value is unique, or close by,
// so the tie set is found without a second pass over every instance (6.2, 6.6). A non-candidate lane
// holds i32.MAX_VALUE; a batch whose least value is i32.MAX_VALUE (no candidate, or a candidate with
// that much free) is left to the scalar loop, so no lane value is ever ambiguous.
import { setWord, word } from '../../memory/words';

/** Instances per chunk of pass 1 (a multiple of 8: the unrolled step). */
const CHUNK: i32 = 256;

// @ts-ignore: decorator
@inline function laneLeast(v: v128): i32 {
  const a = i32x4.min_s(v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  const b = i32x4.min_s(a, i8x16.shuffle(a, a, 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11));
  return i32x4.extract_lane(b, 0);
}

// @ts-ignore: decorator
@inline function scanLanes(
  tie: usize, gated: usize, memory: usize, eni: usize, m: i32, taskCpu: i32, taskMemory: i32, needEni: bool, byCpu: bool,
): i32 {
  const cpuAbove = i32x4.splat(taskCpu - 1); // taskCpu, taskMemory > i32.MIN_VALUE (isColumnsOnly)
  const memoryAbove = i32x4.splat(taskMemory - 1);
  const none = i32x4.splat(i32.MAX_VALUE);
  const zero = i32x4.splat(0);
  const blocks = m & ~3;
  let best: i32 = i32.MAX_VALUE;
  let lo = 0; // the span of the chunks that reached best
  let hi = 0;
  // Pass 1. Per block: x ≥ need as x > need − 1 (one x64 compare, ge_s is two); a non-candidate lane
  // holds none. Two independent minima per chunk (unrolled by two blocks).
  for (let start = 0; start < blocks; start += CHUNK) {
    const end = min(start + CHUNK, blocks);
    let least0 = none;
    let least1 = none;
    let i = start;
    const pairsEnd = end - ((end - start) & 7);
    for (; i < pairsEnd; i += 8) {
      const at = <usize>i << 2;
      {
        const c = v128.load(gated + at);
        const mem = v128.load(memory + at);
        let mask = v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove));
        if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at), zero));
        least0 = i32x4.min_s(v128.bitselect(byCpu ? c : mem, none, mask), least0);
      }
      {
        const c = v128.load(gated + at + 16);
        const mem = v128.load(memory + at + 16);
        let mask = v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove));
        if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at + 16), zero));
        least1 = i32x4.min_s(v128.bitselect(byCpu ? c : mem, none, mask), least1);
      }
    }
    for (; i < end; i += 4) {
      const at = <usize>i << 2;
      const c = v128.load(gated + at);
      const mem = v128.load(memory + at);
      let mask = v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove));
      if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at), zero));
      least0 = i32x4.min_s(v128.bitselect(byCpu ? c : mem, none, mask), least0);
    }
    const v = laneLeast(i32x4.min_s(least0, least1));
    if (v < best) {
      best = v;
      lo = start;
      hi = end;
    } else if (v == best) {
      hi = end;
    }
  }
  // The tail (m mod 4 instances), after every block.
  for (let i = blocks; i < m; i++) {
    const c = word(gated, i);
    const mem = word(memory, i);
    if (c < taskCpu || mem < taskMemory || (needEni && word(eni, i) < 1)) continue;
    const v = byCpu ? c : mem;
    if (v < best) {
      best = v;
      lo = i;
      hi = m;
    } else if (v == best) {
      hi = m;
    }
  }
  if (best == i32.MAX_VALUE) return 0;
  // Pass 2: the tie set, in registration order, from the span that holds it; blocks without a tie
  // (value ≠ best, or not a candidate) are skipped four at a time.
  let n = 0;
  let i = lo;
  const target = i32x4.splat(best);
  const blocksEnd = min(hi, blocks); // lo is a multiple of 4 when it is below blocks
  for (; i < blocksEnd; i += 4) {
    const at = <usize>i << 2;
    const c = v128.load(gated + at);
    const mem = v128.load(memory + at);
    let mask = v128.and(i32x4.eq(byCpu ? c : mem, target), v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove)));
    if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at), zero));
    if (!v128.any_true(mask)) continue;
    if (i32x4.extract_lane(mask, 0) != 0) setWord(tie, n++, i);
    if (i32x4.extract_lane(mask, 1) != 0) setWord(tie, n++, i + 1);
    if (i32x4.extract_lane(mask, 2) != 0) setWord(tie, n++, i + 2);
    if (i32x4.extract_lane(mask, 3) != 0) setWord(tie, n++, i + 3);
  }
  for (; i < hi; i++) {
    const c = word(gated, i);
    const mem = word(memory, i);
    if ((byCpu ? c : mem) != best || c < taskCpu || mem < taskMemory) continue;
    if (needEni && word(eni, i) < 1) continue;
    setWord(tie, n++, i);
  }
  return n;
}

/**
 * The tie set of binpack among the candidates, in registration order, into `tie`; returns its size
 * (0: the scalar loop must decide, see the file comment). `gated` is cpuFree where the static stages
 * pass and i32.MIN_VALUE elsewhere (scan-judge.ts), so one compare tests both and the lanes read two
 * columns; byCpu: binpack(cpu), whose value is then the gated column itself (a candidate's is cpuFree).
 */
export function scanSimdBinpack(
  tie: usize, gated: usize, memory: usize, eni: usize, m: i32, taskCpu: i32, taskMemory: i32, needEni: bool, byCpu: bool,
): i32 {
  if (needEni) {
    if (byCpu) return scanLanes(tie, gated, memory, eni, m, taskCpu, taskMemory, true, true);
    return scanLanes(tie, gated, memory, eni, m, taskCpu, taskMemory, true, false);
  }
  if (byCpu) return scanLanes(tie, gated, memory, eni, m, taskCpu, taskMemory, false, true);
  return scanLanes(tie, gated, memory, eni, m, taskCpu, taskMemory, false, false);
}

// The v128 form of B4's kernel (performance notes §2: AssemblyScript SIMD): four instances per step,
// for the fused loop of scan-choose.ts when every stage is a column test and binpack comes first.
// Each lane keeps the least binpack value among its candidates, how many of its candidates share it,
// and the first index that reached it. The lanes are then merged (and the M mod 4 tail added) into the
// least value, the size n of its tie set and its first member; only when n ≥ 2 does a second pass list
// the tie set in registration order for the rest of the chain and the draw (6.2, 6.6). A non-candidate
// lane holds i32.MAX_VALUE; a batch whose least value is i32.MAX_VALUE (no candidate, or a candidate
// with that much free) is left to the scalar loop, so no lane value is ever ambiguous.
import { setWord, word } from '../../memory/words';

/** The tie set's size and first member after scanSimdBinpack (n = 0: take the scalar loop). */
export let simdTies: i32 = 0;
export let simdFirst: i32 = -1;
export let simdLeast: i32 = 0;

// @ts-ignore: decorator
@inline function scanLanes(
  gated: usize, memory: usize, eni: usize, m: i32, taskCpu: i32, taskMemory: i32, needEni: bool, byCpu: bool,
): void {
  const cpuAbove = i32x4.splat(taskCpu - 1); // taskCpu, taskMemory > i32.MIN_VALUE (isColumnsOnly)
  const memoryAbove = i32x4.splat(taskMemory - 1);
  const none = i32x4.splat(i32.MAX_VALUE);
  const zero = i32x4.splat(0);
  const four = i32x4.splat(4);
  let least = none;
  let ties = i32x4.splat(0);
  let first = i32x4.splat(-1);
  let index = i32x4(0, 1, 2, 3);
  // Two blocks of four per step (unrolled: fewer loop instructions per instance), then one, then the tail.
  // Per block: x ≥ need as x > need − 1 (one x64 compare, ge_s is two); a non-candidate lane holds
  // none; a lower value restarts the lane's tie count, an equal one (eq is −1) adds one.
  const pairs = m & ~7;
  const blocks = m & ~3;
  let i = 0;
  for (; i < pairs; i += 8) {
    const at = <usize>i << 2;
    {
      const c = v128.load(gated + at);
      const mem = v128.load(memory + at);
      let mask = v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove));
      if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at), zero));
      const v = v128.bitselect(byCpu ? c : mem, none, mask);
      const lower = i32x4.lt_s(v, least);
      least = i32x4.min_s(v, least);
      ties = i32x4.sub(v128.andnot(ties, lower), i32x4.eq(v, least));
      first = v128.bitselect(index, first, lower);
      index = i32x4.add(index, four);
    }
    {
      const c = v128.load(gated + at + 16);
      const mem = v128.load(memory + at + 16);
      let mask = v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove));
      if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at + 16), zero));
      const v = v128.bitselect(byCpu ? c : mem, none, mask);
      const lower = i32x4.lt_s(v, least);
      least = i32x4.min_s(v, least);
      ties = i32x4.sub(v128.andnot(ties, lower), i32x4.eq(v, least));
      first = v128.bitselect(index, first, lower);
      index = i32x4.add(index, four);
    }
  }
  for (; i < blocks; i += 4) {
    const at = <usize>i << 2;
    {
      const c = v128.load(gated + at);
      const mem = v128.load(memory + at);
      let mask = v128.and(i32x4.gt_s(c, cpuAbove), i32x4.gt_s(mem, memoryAbove));
      if (needEni) mask = v128.and(mask, i32x4.gt_s(v128.load(eni + at), zero));
      const v = v128.bitselect(byCpu ? c : mem, none, mask);
      const lower = i32x4.lt_s(v, least);
      least = i32x4.min_s(v, least);
      ties = i32x4.sub(v128.andnot(ties, lower), i32x4.eq(v, least));
      first = v128.bitselect(index, first, lower);
      index = i32x4.add(index, four);
    }
  }
  // Merge the lanes: the least value, its ties, and its first index (lanes interleave the indices).
  let best: i32 = i32.MAX_VALUE;
  let n = 0;
  let head = -1;
  for (let lane = 0; lane < 4; lane++) {
    const v = i32x4.extract_lane(least, 0);
    const t = i32x4.extract_lane(ties, 0);
    const f = i32x4.extract_lane(first, 0);
    if (v < best) {
      best = v;
      n = t;
      head = f;
    } else if (v == best) {
      n += t;
      if (f < head) head = f;
    }
    least = i8x16.shuffle(least, least, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
    ties = i8x16.shuffle(ties, ties, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
    first = i8x16.shuffle(first, first, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
  }
  // The tail, in order after every lane's indices.
  for (let i = blocks; i < m; i++) {
    const c = word(gated, i);
    const mem = word(memory, i);
    if (c < taskCpu || mem < taskMemory || (needEni && word(eni, i) < 1)) continue;
    const v = byCpu ? c : mem;
    if (v < best) {
      best = v;
      n = 1;
      head = i;
    } else if (v == best) {
      n++;
    }
  }
  simdLeast = best;
  simdTies = best == i32.MAX_VALUE ? 0 : n;
  simdFirst = head;
}

/**
 * One pass over the columns: sets simdTies / simdFirst / simdLeast; simdTies = 0 means the scalar loop
 * must decide (see the file comment). `gated` is cpuFree where the static stages pass and
 * i32.MIN_VALUE elsewhere (scan-judge.ts), so one compare tests both and the lanes read two columns;
 * byCpu: binpack(cpu), whose value is then the gated column itself (a candidate's is cpuFree).
 */
export function scanSimdBinpack(
  gated: usize, memory: usize, eni: usize, m: i32, taskCpu: i32, taskMemory: i32, needEni: bool, byCpu: bool,
): void {
  if (needEni) {
    if (byCpu) scanLanes(gated, memory, eni, m, taskCpu, taskMemory, true, true);
    else scanLanes(gated, memory, eni, m, taskCpu, taskMemory, true, false);
  } else if (byCpu) scanLanes(gated, memory, eni, m, taskCpu, taskMemory, false, true);
  else scanLanes(gated, memory, eni, m, taskCpu, taskMemory, false, false);
}

/** Lists the simdTies members of the tie set into `tie`, in registration order, from simdFirst on. */
export function listSimdTies(
  tie: usize, gated: usize, memory: usize, eni: usize, values: usize, m: i32, taskCpu: i32, taskMemory: i32, needEni: bool,
): void {
  const least = simdLeast;
  let n = 0;
  for (let i = simdFirst; i < m && n < simdTies; i++) {
    if (word(values, i) != least || word(gated, i) < taskCpu || word(memory, i) < taskMemory) continue;
    if (needEni && word(eni, i) < 1) continue;
    setWord(tie, n++, i);
  }
}

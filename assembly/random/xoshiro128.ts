// xoshiro128** seeded by SplitMix32 (semantics 3.3). Only 32-bit operations, so the
// TypeScript mirror (src/shared/xoshiro128.ts) produces the same sequence bit for bit.

// @ts-ignore: decorator
@inline function rotl(x: u32, k: u32): u32 {
  return (x << k) | (x >>> (32 - k));
}

export class SplitMix32 {
  state: u32;
  constructor(seed: u32) {
    this.state = seed;
  }
  next(): u32 {
    this.state += 0x9E3779B9;
    let z = this.state;
    z = (z ^ (z >>> 16)) * 0x85EBCA6B;
    z = (z ^ (z >>> 13)) * 0xC2B2AE35;
    return z ^ (z >>> 16);
  }
}

export class Xoshiro128 {
  s0: u32 = 0;
  s1: u32 = 0;
  s2: u32 = 0;
  s3: u32 = 0;

  seedFrom(mixer: SplitMix32): void {
    this.s0 = mixer.next();
    this.s1 = mixer.next();
    this.s2 = mixer.next();
    this.s3 = mixer.next();
  }

  next(): u32 {
    const result = rotl(this.s1 * 5, 7) * 9;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  // Uniform integer in [0, n) by rejection; limit = 2^32 − (2^32 mod n), computed in 64 bits.
  uniformInt(n: u32): u32 {
    const range: u64 = 0x100000000;
    const limit: u64 = range - (range % <u64>n);
    let x: u32 = this.next();
    while (<u64>x >= limit) x = this.next();
    return x % n;
  }
}

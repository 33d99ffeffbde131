// Lays out one batch in the core's buffer: a header of word slots, then each array at a word offset
// recorded in its slot (assembly/abi.ts PH_* / SH_*). Sizes first, then one reserve, then the writes.

export class BatchLayout {
  readonly offsets = new Map<number, number>();
  readonly headerWords: number;
  words: number;

  constructor(headerWords: number) {
    this.headerWords = headerWords;
    this.words = headerWords;
  }

  /** Gives the array of header slot `slot` room for `length` words; returns its word offset. */
  add(slot: number, length: number): number {
    const offset = this.words;
    this.offsets.set(slot, offset);
    this.words += Math.max(0, length);
    return offset;
  }
}

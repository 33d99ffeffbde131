// OrderedIdSet and ValueBuckets against plain models: random add/delete/move sequences, then every
// query (select, countBelow, selectInUnion, minValue) must agree. Sets grow past the small-array
// limit, so the Fenwick mode, tombstone compaction and out-of-order insertion are all exercised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedIdSet, selectInUnion } from '../../../../src/reference/indexes/ordered-id-set.ts';
import { ValueBuckets } from '../../../../src/reference/indexes/value-buckets.ts';

const ID_LIMIT = 200;
const opsArb = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: ID_LIMIT - 1 }), fc.nat(2)), { maxLength: 400 });

describe('OrderedIdSet', () => {
  it('agrees with a sorted array under random adds and deletes, in one set or split over three', () => {
    fc.assert(fc.property(opsArb, (ops) => {
      const sets = [new OrderedIdSet(), new OrderedIdSet(), new OrderedIdSet()];
      const owner = new Map<number, number>(); // id → the set holding it
      for (const [add, id, which] of ops) {
        if (add && !owner.has(id)) {
          sets[which].add(id);
          owner.set(id, which);
        } else if (!add && owner.has(id)) {
          sets[owner.get(id)!].delete(id);
          owner.delete(id);
        }
      }
      sets.forEach((set, which) => {
        const model = [...owner].filter(([, w]) => w === which).map(([id]) => id).sort((a, b) => a - b);
        expect(set.size).toBe(model.length);
        const listed: number[] = [];
        set.appendTo(listed);
        expect(listed).toEqual(model);
        model.forEach((id, r) => expect(set.select(r)).toBe(id));
        for (const x of [0, 1, 50, 99, 100, 150, ID_LIMIT]) expect(set.countBelow(x)).toBe(model.filter((id) => id < x).length);
      });
      const union = [...owner.keys()].sort((a, b) => a - b);
      union.forEach((id, r) => expect(selectInUnion(sets, 3, r, ID_LIMIT)).toBe(id));
    }), { numRuns: 300, seed: 7 });
  });

  it('refuses to add a member twice or delete a non-member', () => {
    const set = new OrderedIdSet();
    set.add(3);
    expect(() => set.add(3)).toThrow('OrderedIdSet: 3 is already a member');
    expect(() => set.delete(4)).toThrow('OrderedIdSet: 4 is not a member');
  });
});

describe('ValueBuckets', () => {
  it('keeps the smallest value with a member, and each bucket in id order, under adds, moves and deletes', () => {
    const stepArb = fc.array(fc.tuple(fc.constantFrom('add', 'move', 'delete'), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 6 })), { maxLength: 300 });
    fc.assert(fc.property(stepArb, (steps) => {
      const buckets = new ValueBuckets();
      const value = new Map<number, number>();
      for (const [op, id, v] of steps) {
        if (op === 'add' && !value.has(id)) {
          buckets.add(id, v);
          value.set(id, v);
        } else if (op === 'move' && value.has(id)) {
          buckets.move(id, value.get(id)!, v);
          value.set(id, v);
        } else if (op === 'delete' && value.has(id)) {
          buckets.delete(id, value.get(id)!);
          value.delete(id);
        }
        expect(buckets.size).toBe(value.size);
        if (value.size > 0) {
          const least = Math.min(...value.values());
          expect(buckets.minValue()).toBe(least);
          const listed: number[] = [];
          buckets.bucket(least)!.appendTo(listed);
          expect(listed).toEqual([...value].filter(([, x]) => x === least).map(([id2]) => id2).sort((a, b) => a - b));
        }
      }
    }), { numRuns: 300, seed: 11 });
  });
});

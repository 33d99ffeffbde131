// assembly/abi.ts and src/wasm/abi.ts (with the placement codes it re-exports) must agree on every
// constant, and the built core must report the same ABI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tsAbi from '../../src/wasm/abi.ts';
import { ABI_VERSION } from '../../src/wasm/abi.ts';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';

const constantsOf = (text: string) =>
  Object.fromEntries([...text.matchAll(/export const (\w+)(?::\s*\w+)?\s*=\s*(-?\d+);/g)].map((m) => [m[1], Number(m[2])]));

describe('ABI', () => {
  it('assembly/abi.ts and src/wasm/abi.ts declare the same constants', () => {
    const asSide = constantsOf(readFileSync(new URL('../../assembly/abi.ts', import.meta.url), 'utf8'));
    const tsSide = Object.fromEntries(Object.entries(tsAbi).filter(([, v]) => typeof v === 'number'));
    expect(Object.keys(asSide).length).toBeGreaterThan(0);
    expect(tsSide).toEqual(asSide);
  });

  it('every placement code is mirrored on the WASM side', () => {
    const codes = constantsOf(readFileSync(new URL('../../src/placement/placement-codes.ts', import.meta.url), 'utf8'));
    const asSide = constantsOf(readFileSync(new URL('../../assembly/abi.ts', import.meta.url), 'utf8'));
    expect(Object.keys(codes).length).toBeGreaterThan(20);
    for (const [name, value] of Object.entries(codes)) expect([name, asSide[name]]).toEqual([name, value]);
  });

  it('the resident delta format is mirrored on the WASM side, and the resident header slots are free ones', () => {
    const deltas = constantsOf(readFileSync(new URL('../../src/placement/resident-deltas.ts', import.meta.url), 'utf8'));
    const asSide = constantsOf(readFileSync(new URL('../../assembly/abi.ts', import.meta.url), 'utf8'));
    expect(Object.keys(deltas).sort()).toEqual(['DELTA_INSTANCE', 'DELTA_TASK', 'INSTANCE_GONE', 'INSTANCE_RECORD_HEAD', 'TASK_RECORD_HEAD']);
    for (const [name, value] of Object.entries(deltas)) expect([name, asSide[name]]).toEqual([name, value]);
    // Every PH_* slot is distinct and inside the header.
    const slots = Object.entries(asSide).filter(([name]) => name.startsWith('PH_') && name !== 'PH_HEADER_WORDS');
    const taken = slots.flatMap(([name, slot]) => (name === 'PH_RANDOM' ? [slot, slot + 1, slot + 2, slot + 3] : [slot]));
    expect(new Set(taken).size).toBe(taken.length);
    expect(Math.max(...taken)).toBeLessThan(asSide.PH_HEADER_WORDS);
    expect([asSide.PH_RESIDENT_SLOTS, asSide.PH_RESIDENT_GROUPS, asSide.PH_RESIDENT_BATCH_GROUP]).toEqual([59, 60, 61]);
    expect(asSide.ABI_VERSION).toBe(4);
  });

  it('the deployment-step result words are 0 .. DS_RESULT_WORDS − 1, each once', () => {
    const asSide = constantsOf(readFileSync(new URL('../../assembly/abi.ts', import.meta.url), 'utf8'));
    const slots = Object.entries(asSide).filter(([name]) => name.startsWith('DS_') && name !== 'DS_RESULT_WORDS').map(([, slot]) => slot);
    expect(slots.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(asSide.DS_RESULT_WORDS).toBe(slots.length);
  });

  it('the built core reports the ABI version it was compiled with', async () => {
    const core = await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) });
    expect(core.abiVersion()).toBe(ABI_VERSION);
  });
});

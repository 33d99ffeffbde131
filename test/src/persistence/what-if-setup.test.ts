// The what-if setup kept in a scenario's library record (issue 6): saved beside the document (no
// schema change), kept by document saves, duplicated with the scenario, and a damaged value ignored
// with a note while the scenario still opens.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  MAX_WHAT_IF_SEEDS, MAX_WHAT_IF_VARIANTS, WHAT_IF_SETUP, docKey, readWhatIfSetup,
} from '../../../src/persistence/scenario-library.ts';
import { startingDocument } from '../../../src/worker/scheduler-service.ts';
import type { WhatIfSetup } from '../../../src/worker/scheduler-api.ts';
import { aLibrary } from '../../builders/scenario-library.ts';

const output = <T>(outcome: { output: T } | { error: unknown }): T => {
  if (!('output' in outcome)) throw new Error(`expected output, got ${JSON.stringify(outcome)}`);
  return outcome.output;
};

const SETUP: WhatIfSetup = {
  service: 'demo/web',
  timeline: 'new-revision',
  seeds: 1,
  variants: [
    { name: '50/200', changes: [{ service: 'web', cluster: 'demo', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } }] },
    { name: '100/100', changes: [{ service: 'web', cluster: 'demo', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } }] },
  ],
};
const W = WHAT_IF_SETUP;

describe('readWhatIfSetup', () => {
  it('accepts a well-formed setup and returns a copy without unknown members', () => {
    const read = readWhatIfSetup({ ...SETUP, extra: 1, variants: SETUP.variants.map((v) => ({ ...v, colour: 'red' })) });
    expect(read).toEqual({ setup: SETUP });
  });

  it.each([
    ['not an object', [], W.mustBe('whatIf', 'an object')],
    ['no service', { ...SETUP, service: '' }, W.mustBe('whatIf.service', 'a service name (cluster/service)')],
    ['an unknown timeline', { ...SETUP, timeline: 'later' }, W.mustBe('whatIf.timeline', '"new-revision" or "steady"')],
    ['0 seeds', { ...SETUP, seeds: 0 }, W.mustBe('whatIf.seeds', `an integer from 1 to ${MAX_WHAT_IF_SEEDS}`)],
    ['21 seeds (the view offers 1–20)', { ...SETUP, seeds: 21 }, W.mustBe('whatIf.seeds', 'an integer from 1 to 20')],
    ['1.5 seeds', { ...SETUP, seeds: 1.5 }, W.mustBe('whatIf.seeds', 'an integer from 1 to 20')],
    ['no variants', { ...SETUP, variants: [] }, W.mustBe('whatIf.variants', `a list of 1 to ${MAX_WHAT_IF_VARIANTS} variants`)],
    ['33 variants (runWhatIf takes 32)', { ...SETUP, variants: Array.from({ length: 33 }, (_, i) => ({ name: `v${i}`, changes: [] })) },
      W.mustBe('whatIf.variants', 'a list of 1 to 32 variants')],
    ['a variant without a name', { ...SETUP, variants: [{ name: ' ', changes: [] }] }, W.mustBe('whatIf.variants[0].name', 'a non-empty string')],
    ['changes that are not a list', { ...SETUP, variants: [{ name: 'a', changes: {} }] }, W.mustBe('whatIf.variants[0].changes', 'a list')],
    ['a change that is not an object', { ...SETUP, variants: [{ name: 'a', changes: [{}, 3] }] }, W.mustBe('whatIf.variants[0].changes[1]', 'an object')],
    ['over 256 KiB of JSON', { ...SETUP, service: 'x'.repeat(256 * 1024) }, W.tooLarge(256 * 1024)],
  ])('refuses %s', (_case, raw, problem) => {
    expect(readWhatIfSetup(raw)).toEqual({ problem });
  });
});

describe('ScenarioLibrary: the what-if setup', () => {
  it('saveWhatIf keeps the setup in the record, beside the document; the revision does not move; open returns it', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('demo')));
    expect(output(await library.saveWhatIf(id, SETUP))).toEqual(SETUP);
    const record = await store.get<Record<string, unknown>>(docKey(id));
    expect(record).toMatchObject({ revision: 1, whatIf: SETUP });
    expect((record!.document as Record<string, unknown>).whatIf).toBeUndefined(); // not in the sandbox document
    const opened = output(await library.open(id));
    expect(opened.whatIf).toEqual(SETUP);
    expect(opened.whatIfProblem).toBeUndefined();
    expect(opened.document).toEqual(startingDocument('demo'));
  });

  it('a document save keeps the stored setup', async () => {
    const { library } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('demo')));
    await library.saveWhatIf(id, SETUP);
    expect(output(await library.save(id, 1, () => startingDocument('empty')))).toMatchObject({ revision: 2 });
    expect(output(await library.open(id)).whatIf).toEqual(SETUP);
  });

  it('duplicate copies the setup with the scenario', async () => {
    const { library } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('demo')));
    await library.saveWhatIf(id, SETUP);
    const copy = output(await library.duplicate(id, 'A copy'));
    expect(output(await library.open(copy.id)).whatIf).toEqual(SETUP);
  });

  it('a scenario without a setup opens with neither whatIf nor a note', async () => {
    const { library } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    const opened = output(await library.open(id));
    expect('whatIf' in opened || 'whatIfProblem' in opened).toBe(false);
  });

  it.each([
    ['a string', 'nonsense', W.mustBe('whatIf', 'an object')],
    ['seeds 0', { ...SETUP, seeds: 0 }, W.mustBe('whatIf.seeds', 'an integer from 1 to 20')],
    ['a variant of null', { ...SETUP, variants: [null] }, W.mustBe('whatIf.variants[0]', 'an object')],
  ])('a damaged stored setup (%s) is ignored with a note; the scenario opens all the same', async (_case, damaged, problem) => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('demo')));
    await store.update<Record<string, unknown>>(docKey(id), (r) => ({ ...r!, whatIf: damaged }));
    const opened = output(await library.open(id));
    expect(opened.whatIf).toBeUndefined();
    expect(opened.whatIfProblem).toBe(W.ignored(problem));
    expect(opened.document).toEqual(startingDocument('demo'));
    expect((await library.list())[0].problem).toBeUndefined(); // the scenario itself is fine
  });

  it('saveWhatIf refuses a malformed setup (InvalidParameterException) and an unknown scenario, storing nothing', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    const before = await store.get(docKey(id));
    expect(await library.saveWhatIf(id, { ...SETUP, seeds: 99 })).toEqual({
      error: { code: 'InvalidParameterException', message: W.invalid(W.mustBe('whatIf.seeds', 'an integer from 1 to 20')) },
    });
    expect(await library.saveWhatIf('nope', SETUP)).toEqual({
      error: { code: 'ScenarioNotFoundException', message: 'Scenario nope was not found; another tab may have deleted it.' },
    });
    expect(await store.get(docKey(id))).toEqual(before);
  });
});

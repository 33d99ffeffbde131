import { describe, expect, it } from 'vitest';
import type { CallOutcome, ScenarioSummary } from '../../../src/worker/scheduler-api.ts';
import { SHARED_SCENARIO_NAME, openSharedScenario, scenarioFragment, shareUrl, urlWithoutFragment } from '../../../web/share/share-hash.ts';
import { encodeShareFragment } from '../../../web/share/share-link.ts';

const summary: ScenarioSummary = { id: 'id-1', name: SHARED_SCENARIO_NAME, savedAt: 1, revision: 1, schemaVersion: 2 };

/** A worker stand-in that records the imports it is asked for. */
function fakeScheduler(answer: CallOutcome<ScenarioSummary> | Error) {
  const imports: { text: string; name: string }[] = [];
  return {
    imports,
    importScenario: async (text: string, name: string) => {
      imports.push({ text, name });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('the share link around the URL (issue 5 item 4)', () => {
  it.each([
    ['#scenario=abc', 'scenario=abc'],
    ['scenario=abc', 'scenario=abc'],
    ['#scenario=', 'scenario='],
    ['', undefined],
    ['#', undefined],
    ['#section-2', undefined],
    ['#other=1&scenario=abc', undefined],
  ])('location.hash %j holds the fragment %j', (hash, fragment) => {
    expect(scenarioFragment(hash)).toBe(fragment);
  });

  it('links to this page without its query or old fragment', () => {
    expect(shareUrl({ origin: 'https://example.org', pathname: '/play/' }, 'scenario=xyz')).toBe('https://example.org/play/#scenario=xyz');
  });

  it('drops only the fragment from the address', () => {
    expect(urlWithoutFragment({ pathname: '/play/index.html', search: '?debug=1' })).toBe('/play/index.html?debug=1');
    expect(urlWithoutFragment({ pathname: '/', search: '' })).toBe('/');
  });
});

describe('opening a shared scenario', () => {
  const json = JSON.stringify({ scenario: { schemaVersion: 2, seed: 7, regions: {} } });

  it('imports the unpacked JSON as "Shared scenario"', async () => {
    const encoded = await encodeShareFragment(json);
    if (!encoded.ok) throw new Error(encoded.problem);
    const scheduler = fakeScheduler({ output: summary });
    expect(await openSharedScenario(encoded.fragment, scheduler)).toEqual({ kind: 'opened', scenario: summary });
    expect(scheduler.imports).toEqual([{ text: json, name: 'Shared scenario' }]);
  });

  it('reports a damaged link without asking the worker', async () => {
    const scheduler = fakeScheduler({ output: summary });
    expect(await openSharedScenario('scenario=AAAA', scheduler)).toEqual({
      kind: 'failed',
      problem: 'The shared scenario could not be opened. The link is damaged: its scenario cannot be unpacked. Your own scenarios are unchanged.',
    });
    expect(scheduler.imports).toEqual([]);
  });

  it("reports the worker's refusal with its code and message (the path of the fault)", async () => {
    const encoded = await encodeShareFragment(json);
    if (!encoded.ok) throw new Error(encoded.problem);
    const refusal = { error: { code: 'InvalidParameterException', message: 'Invalid scenario: scenario.regions must be a JSON object.' } };
    expect(await openSharedScenario(encoded.fragment, fakeScheduler(refusal))).toEqual({
      kind: 'failed',
      problem: 'The shared scenario could not be opened. InvalidParameterException: Invalid scenario: scenario.regions must be a JSON object. Your own scenarios are unchanged.',
    });
  });

  it('reports a worker that does not answer', async () => {
    const encoded = await encodeShareFragment(json);
    if (!encoded.ok) throw new Error(encoded.problem);
    const result = await openSharedScenario(encoded.fragment, fakeScheduler(new Error('worker gone')));
    expect(result).toEqual({ kind: 'failed', problem: 'The shared scenario could not be opened. The scheduler worker did not answer: worker gone. Your own scenarios are unchanged.' });
  });
});

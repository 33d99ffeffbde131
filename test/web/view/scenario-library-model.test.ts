import { describe, expect, it } from 'vitest';
import type { ScenarioStatus, ScenarioSummary } from '../../../src/worker/scheduler-api.ts';
import {
  copyName, libraryMoved, reloadedByOtherTab, savedAtText, scenarioNotes, shortTarget, uniqueName,
} from '../../../web/view/scenario-library-model.ts';

const scenario = (over: Partial<ScenarioSummary> = {}): ScenarioSummary => ({ id: 'a', name: 'Demo', savedAt: 1, revision: 3, schemaVersion: 2, ...over });
const status = (over: Partial<ScenarioStatus> = {}): ScenarioStatus => ({ scenario: scenario(), unsaved: false, dropped: [], libraryChanges: 1, ...over });

describe('names of new scenarios and copies', () => {
  it.each([
    ['Demo', [], 'Demo'],
    ['Demo', ['Demo'], 'Demo 2'],
    ['Demo', ['demo', 'Demo 2'], 'Demo 3'], // case-insensitive, like a person reads the list
    ['Untitled', ['Demo'], 'Untitled'],
  ])('uniqueName(%j, %j) = %j', (base, existing, name) => {
    expect(uniqueName(base, existing)).toBe(name);
  });

  it.each([
    ['web', [], 'web (copy)'],
    ['web', ['web (copy)'], 'web (copy 2)'],
    ['web', ['web (copy)', 'web (copy 2)'], 'web (copy 3)'],
  ])('copyName(%j, %j) = %j', (name, existing, copy) => {
    expect(copyName(name, existing)).toBe(copy);
  });

  it('keeps a copy of a 100-character name within 100 characters', () => {
    // 100 − ' (copy)'.length (7) = 93 characters of the name
    expect(copyName('n'.repeat(100), [])).toBe(`${'n'.repeat(93)} (copy)`);
  });
});

describe('saved time', () => {
  it('reads in local time, to the minute', () => {
    const at = new Date(2024, 2, 1, 14, 5, 59).getTime();
    expect(savedAtText(at)).toBe('saved 2024-03-01 14:05');
  });

  it('says when a record has no time (recovered or damaged)', () => {
    expect(savedAtText(0)).toBe('never saved');
  });
});

describe('notes about the open scenario', () => {
  it('are empty when all is well', () => {
    expect(scenarioNotes(status())).toEqual([]);
  });

  it('say read-only, not saved and the start-up fallback with the worker messages', () => {
    expect(scenarioNotes(status({
      readOnly: { code: 'ReadOnlyException', message: 'Another tab runs a newer ecs-sandbox.' },
      saveError: { code: 'StorageException', message: 'quota exceeded' },
      openError: { code: 'CorruptScenarioException', message: 'The stored record is not a JSON object.' },
    }))).toEqual([
      'Read-only: Another tab runs a newer ecs-sandbox.',
      'Not saved: StorageException: quota exceeded',
      'The last used scenario could not be opened (The stored record is not a JSON object.); “Demo” was opened instead.',
    ]);
  });

  it('list dropped calls by operation, the last three by name', () => {
    const drop = (op: string) => ({ target: `AmazonEC2ContainerServiceV20141113.${op}`, error: { code: 'InvalidParameterException', message: `${op} failed.` } });
    expect(scenarioNotes(status({ dropped: [drop('CreateService')] }))).toEqual([
      "1 change of this tab could not be applied on top of another tab's save and was dropped: CreateService (InvalidParameterException: CreateService failed.).",
    ]);
    const four = ['A', 'B', 'C', 'D'].map(drop);
    expect(scenarioNotes(status({ dropped: four }))[0]).toBe(
      "4 changes of this tab could not be applied on top of another tab's save and were dropped: " +
      'B (InvalidParameterException: B failed.); C (InvalidParameterException: C failed.); D (InvalidParameterException: D failed.), and 1 more.');
  });

  it('shorten targets to the operation', () => {
    expect(shortTarget('EcsSandbox.AdvanceTime')).toBe('AdvanceTime');
    expect(shortTarget('Plain')).toBe('Plain');
  });
});

describe('another tab changed the open scenario', () => {
  it.each([
    ['another tab saved it (library message, revision moved, clock stopped)', status(), status({ libraryChanges: 2, scenario: scenario({ revision: 4 }) }), false, true],
    ['only this tab saved (no library message)', status(), status({ scenario: scenario({ revision: 4 }) }), false, false],
    ['another tab changed another scenario', status(), status({ libraryChanges: 2 }), false, false],
    ['the clock runs: this tab saves every 2 s, nothing is inferred', status(), status({ libraryChanges: 2, scenario: scenario({ revision: 4 }) }), true, false],
    ['another scenario is open', status(), status({ libraryChanges: 2, scenario: scenario({ id: 'b', revision: 9 }) }), false, false],
    ['first reading', undefined, status(), false, false],
  ])('%s', (_what, prev, next, clockRunning, reloaded) => {
    expect(reloadedByOtherTab(prev, next, clockRunning)).toBe(reloaded);
  });

  it('uses the worker\'s reload count when it has one, whatever the clock does', () => {
    const prev = { ...status(), reloads: 1 } as ScenarioStatus;
    expect(reloadedByOtherTab(prev, { ...status(), reloads: 2 } as ScenarioStatus, true)).toBe(true);
    expect(reloadedByOtherTab(prev, { ...status({ libraryChanges: 5, scenario: scenario({ revision: 9 }) }), reloads: 1 } as ScenarioStatus, false)).toBe(false);
  });

  it.each([
    ['nothing', status(), false],
    ['library changes', status({ libraryChanges: 2 }), true],
    ['a save', status({ scenario: scenario({ revision: 4 }) }), true],
    ['a rename', status({ scenario: scenario({ name: 'Prod' }) }), true],
    ['another scenario', status({ scenario: scenario({ id: 'b' }) }), true],
  ])('the list is read again after %s: %s', (_what, next, moved) => {
    expect(libraryMoved(status(), next)).toBe(moved);
  });
});

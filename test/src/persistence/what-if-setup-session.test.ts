// The worker's saveWhatIf / currentScenario over a (fake) IndexedDB library: the setup kept across a
// restart (a reload of the page), switched with the open scenario, and a damaged one never in the way.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioLibrary, WHAT_IF_SETUP, docKey } from '../../../src/persistence/scenario-library.ts';
import { indexedDbScenarioStore } from '../../../src/persistence/scenario-store.ts';
import type { SchedulerService } from '../../../src/worker/scheduler-service.ts';
import type { WhatIfSetup } from '../../../src/worker/scheduler-api.ts';
import { aDatabaseName } from '../../builders/scenario-library.ts';
import { aSchedulerService, aWallClock, ECS_TARGET } from '../../builders/scheduler-service.ts';

const open: SchedulerService[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

function aTab(databaseName: string) {
  const clock = aWallClock();
  const library = new ScenarioLibrary({ store: indexedDbScenarioStore(databaseName), now: clock.wallClock });
  const service = aSchedulerService({ wallClock: clock.wallClock, library });
  open.push(service);
  return { service, library };
}

const output = <T>(outcome: { output: T } | { error: unknown }): T => {
  if (!('output' in outcome)) throw new Error(`expected output, got ${JSON.stringify(outcome)}`);
  return outcome.output;
};

const SETUP: WhatIfSetup = {
  service: 'demo/web', timeline: 'new-revision', seeds: 3,
  variants: [{ name: 'binpack', changes: [{ service: 'web', cluster: 'demo', placementStrategy: [{ type: 'binpack', field: 'memory' }] }] }],
};

describe('SchedulerService.saveWhatIf', () => {
  it('currentScenario returns the saved setup; a restart on the same database still has it; the document revision stays', async () => {
    const db = aDatabaseName();
    const first = aTab(db);
    const before = output(await first.service.currentScenario());
    expect(before.whatIf).toBeUndefined();
    const after = output(await first.service.saveWhatIf(SETUP));
    expect(after.whatIf).toEqual(SETUP);
    expect(after.scenario!.revision).toBe(before.scenario!.revision);
    // a change to the document afterwards saves the document and keeps the setup
    output(await first.service.call(`${ECS_TARGET}.CreateCluster`, { clusterName: 'extra' }));
    await first.service.settled();
    first.service.close();
    const second = aTab(db);
    expect(output(await second.service.currentScenario()).whatIf).toEqual(SETUP);
  });

  it('each scenario has its own setup: a new scenario has none, switching back brings it again', async () => {
    const { service } = aTab(aDatabaseName());
    const demo = output(await service.currentScenario()).scenario!;
    await service.saveWhatIf(SETUP);
    output(await service.newScenario('Scratch', 'empty'));
    expect(output(await service.currentScenario()).whatIf).toBeUndefined();
    output(await service.openScenario(demo.id));
    expect(output(await service.currentScenario()).whatIf).toEqual(SETUP);
  });

  it('a malformed setup is an InvalidParameterException and the saved one stays', async () => {
    const { service } = aTab(aDatabaseName());
    await service.saveWhatIf(SETUP);
    const bad = await service.saveWhatIf({ ...SETUP, timeline: 'soon' } as unknown as WhatIfSetup);
    expect(bad).toEqual({ error: {
      code: 'InvalidParameterException',
      message: WHAT_IF_SETUP.invalid(WHAT_IF_SETUP.mustBe('whatIf.timeline', '"new-revision" or "steady"')),
    } });
    expect(output(await service.currentScenario()).whatIf).toEqual(SETUP);
  });

  it('a damaged stored setup is ignored with a note: the scenario opens, its clusters are there', async () => {
    const db = aDatabaseName();
    const first = aTab(db);
    const { id } = output(await first.service.currentScenario()).scenario!;
    await first.service.settled();
    first.service.close();
    await indexedDbScenarioStore(db).update<Record<string, unknown>>(docKey(id), (r) => ({ ...r!, whatIf: { service: 7 } }));
    const second = aTab(db);
    const status = output(await second.service.currentScenario());
    expect(status.scenario!.id).toBe(id);
    expect(status.openError).toBeUndefined();
    expect(status.whatIf).toBeUndefined();
    expect(status.whatIfProblem).toBe(WHAT_IF_SETUP.ignored(WHAT_IF_SETUP.mustBe('whatIf.service', 'a service name (cluster/service)')));
    const clusters = output(await second.service.call(`${ECS_TARGET}.ListClusters`, {})) as { clusterArns: string[] };
    expect(clusters.clusterArns.length).toBe(2);
    // saving a good setup replaces the damaged one and clears the note
    const saved = output(await second.service.saveWhatIf(SETUP));
    expect(saved.whatIf).toEqual(SETUP);
    expect(saved.whatIfProblem).toBeUndefined();
  });
});

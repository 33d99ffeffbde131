// Determinism (semantics 3.3, D6, D8): with the manual clock and the same seed, the same calls give a
// byte-identical document (event log, timeline, tasks, targets, discovery, random streams); the WASM
// core places and picks tasks to stop exactly as the literal TS core does.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlacementCore } from '../../../../src/placement-core.ts';
import { createWasmPlacementCore } from '../../../../src/wasm/wasm-placement-core.ts';
import { loadSchedulerCore } from '../../../../src/wasm/load-scheduler-core.ts';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { anInstance } from '../../../builders/placement.ts';
import { aTargetGroup, advanceTo, putBehaviour, serviceRecord, twoRevisions } from '../../../builders/scheduler.ts';

/**
 * A busy scenario: three instances in two AZs; `web` behind a target group with a rolling deployment;
 * `api` scaled out past capacity (placement failures), scaled in, and a drained instance; a task
 * definition whose containers turn unhealthy.
 */
function busyScenario(core?: PlacementCore): TestSandbox {
  const s = aSandbox();
  if (core) s.api.placementCore = core;
  const ci1 = anInstance(s, { az: 'us-east-1a', memory: 2048 });
  anInstance(s, { az: 'us-east-1a', memory: 1024 });
  anInstance(s, { az: 'us-east-1b', memory: 2048 });
  const [web1, web2] = twoRevisions(s, 'web', { portMappings: [{ containerPort: 80 }] });
  const [api1] = twoRevisions(s, 'api', { memory: 512 });
  putBehaviour(s, { taskDefinition: api1, containerUnhealthyAfterSeconds: 400, exitSeconds: 5 });
  const tg = aTargetGroup(s, 'web');
  s.ecs('CreateService', {
    serviceName: 'web', taskDefinition: web1, desiredCount: 4,
    loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }],
    deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150 },
  });
  s.ecs('CreateService', { serviceName: 'api', taskDefinition: api1, desiredCount: 5, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
  advanceTo(s, 200);
  s.ecs('UpdateService', { service: 'web', taskDefinition: web2 });
  s.ecs('UpdateService', { service: 'api', desiredCount: 9 });
  advanceTo(s, 300);
  s.ecs('UpdateContainerInstancesState', { containerInstances: [ci1.id], status: 'DRAINING' });
  advanceTo(s, 500);
  s.ecs('UpdateService', { service: 'api', desiredCount: 2 });
  advanceTo(s, 1500);
  return s;
}

describe('determinism (3.3)', () => {
  it('the same scenario twice: byte-identical event logs and documents', () => {
    const first = busyScenario();
    const second = busyScenario();
    expect(serviceRecord(first, 'web').eventLog.length).toBeGreaterThan(8);
    expect(serviceRecord(first, 'api').eventLog.length).toBeGreaterThan(8);
    expect(JSON.stringify(serviceRecord(second, 'web').eventLog)).toBe(JSON.stringify(serviceRecord(first, 'web').eventLog));
    expect(JSON.stringify(serviceRecord(second, 'api').eventLog)).toBe(JSON.stringify(serviceRecord(first, 'api').eventLog));
    expect(second.snapshot()).toBe(first.snapshot());
  });

  describe('with the WASM core', () => {
    let wasm: PlacementCore;
    beforeAll(async () => {
      wasm = createWasmPlacementCore(await loadSchedulerCore({ bytes: readFileSync(new URL('../../../../build/scheduler-core.wasm', import.meta.url)) }));
    });

    it('gives the same document as the literal core', () => {
      const literal = busyScenario();
      const withWasm = busyScenario(wasm);
      expect(JSON.stringify(serviceRecord(withWasm, 'api').eventLog)).toBe(JSON.stringify(serviceRecord(literal, 'api').eventLog));
      expect(withWasm.snapshot()).toBe(literal.snapshot());
    });
  });
});

// SchedulerService.whatIf (issue 6): the what-if runs in the worker on the WASM core, each variant on a
// sandbox of its own, and leaves the open scenario as it was; a bad request is `{error}`.
import { describe, expect, it } from 'vitest';
import { aSchedulerService } from '../../builders/scheduler-service.ts';
import { instances, service, taskDefinition } from '../whatif/what-if-scenarios.ts';
import type { WhatIfReport } from '../../../src/whatif/what-if-types.ts';

const SCENARIO = [...instances([{ az: 'us-east-1a' }, { az: 'us-east-1b' }]), taskDefinition('web', 256, 256), service('web', 'web', 2)];

describe('SchedulerService.whatIf', () => {
  it('answers the report (spread: 1 + 1; binpack: 2 on one instance) and leaves the open document alone', async () => {
    const worker = aSchedulerService({ scenario: null });
    await worker.ready;
    const before = JSON.stringify(worker.api.document);
    const out = await worker.whatIf({
      scenario: SCENARIO,
      variants: [
        { name: 'spread', changes: [{ service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }] }] },
        { name: 'binpack', changes: [{ service: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] }] },
      ],
    });
    expect('error' in out ? out.error : undefined).toBeUndefined();
    const report = (out as { output: WhatIfReport }).output;
    expect(report.variants.map((v) => [v.name, v.balance.perInstanceMax, v.balance.perInstanceMin])).toEqual([['spread', 1, 1], ['binpack', 2, 0]]);
    expect(worker.api.placementCore.name).toBe('wasm');
    expect(JSON.stringify(worker.api.document)).toBe(before);
  });

  it('a bad request is an error naming the path', async () => {
    const worker = aSchedulerService({ scenario: null });
    const out = await worker.whatIf({ scenario: SCENARIO, variants: [{ name: 'a', changes: [{ service: 'x', desiredCount: 1 }] }] });
    expect(out).toEqual({ error: { code: 'InvalidParameterException', message: 'variants[0].changes[0].service: no service "x" in cluster "default"' } });
  });
});

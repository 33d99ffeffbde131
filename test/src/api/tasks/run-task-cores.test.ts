// RunTask gives the same answer whichever core SandboxApi was given (placement contract: bit-identical
// results, PRNG draws included): the literal TS reference (the default) and the WASM core.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../../src/api/handler.ts';
import { newDocument } from '../../../../src/domain/new-document.ts';
import { loadSchedulerCore } from '../../../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../../../src/wasm/wasm-placement-core.ts';
import type { PlacementCore } from '../../../../src/placement-core.ts';
import { ECS } from '../../../builders/sandbox.ts';

function scenario(core?: PlacementCore) {
  const api = new SandboxApi({ document: newDocument({ seed: 7 }), ...(core ? { placementCore: core } : {}) });
  const call = (op: string, input: unknown) => api.call(`${ECS}.${op}`, input).output as any;
  ['us-east-1a', 'us-east-1b', 'us-east-1a', 'us-east-1c'].forEach((az, n) => call('RegisterContainerInstance', {
    instanceIdentityDocument: JSON.stringify({ instanceId: `i-0000000000000000${n}`, instanceType: 'c5.large', availabilityZone: az, region: 'us-east-1', privateIp: `10.0.0.${10 + n}` }),
  }));
  call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512, portMappings: [{ containerPort: 80 }] }] });
  const runs = [
    call('RunTask', { taskDefinition: 'web', count: 10 }),
    call('RunTask', { taskDefinition: 'web', count: 10, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }),
    call('RunTask', { taskDefinition: 'web', count: 3, placementConstraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'not(attribute:ecs.availability-zone == us-east-1c)' }] }),
  ];
  return { runs, placement: api.document.random.placement };
}

describe('RunTask: the same answers from every core', () => {
  it('literal TS reference and WASM agree, PRNG state included', async () => {
    const exports = await loadSchedulerCore({ bytes: readFileSync(new URL('../../../../build/scheduler-core.wasm', import.meta.url)) });
    const wasm = scenario(createWasmPlacementCore(exports));
    expect(wasm).toEqual(scenario());
  });
});

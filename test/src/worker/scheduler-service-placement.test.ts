// The worker places with the WASM core once it is loaded; the API starts with the TS reference.
import { describe, expect, it } from 'vitest';
import { aSchedulerService } from '../../builders/scheduler-service.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';

describe('SchedulerService: the placement core', () => {
  it('swaps in the WASM core when it is ready, and RunTask places with it', async () => {
    const service = aSchedulerService({ scenario: null });
    await service.ready;
    expect(service.api.placementCore.name).toBe('wasm');
    await service.call(`${ECS}.RegisterContainerInstance`, {
      instanceIdentityDocument: JSON.stringify({ instanceId: 'i-0a1b2c3d4e5f60718', instanceType: 'c5.large', availabilityZone: 'us-east-1a', region: 'us-east-1', privateIp: '10.0.1.25' }),
    });
    await service.call(`${ECS}.RegisterTaskDefinition`, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] });
    const out = await service.call(`${ECS}.RunTask`, { taskDefinition: 'web', count: 2 });
    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect('output' in out && (out.output as { tasks: unknown[] }).tasks).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { aWebService } from '../../../builders/load-balanced-service.ts';
import { START } from '../../../builders/discovery.ts';
import { deploymentIdAt, serviceArnOf } from '../../../builders/services.ts';

describe('EcsSandbox.GetTimeline', () => {
  it.each([
    [{}, 'InvalidParameterException', 'service is required.'],
    [{ service: 7 }, 'SerializationException', 'service must be a string.'],
    [{ service: 'api' }, 'ServiceNotFoundException', 'Service not found.'],
    [{ service: 'arn:aws:ecs:eu-west-1:123456789012:service/web' }, 'ServiceNotFoundException', 'Service not found.'],
    [{ cluster: 'other', service: 'web' }, 'ClusterNotFoundException', 'Cluster not found.'],
  ])('%j → %s', (input, code, message) => {
    const { s } = aWebService({ loadBalancer: 'none' });
    const e = s.error('EcsSandbox.GetTimeline', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('a new service has no samples until its first step', () => {
    const { s } = aWebService({ loadBalancer: 'none' });
    expect(s.sandbox('GetTimeline', { service: 'web' })).toEqual({ serviceName: 'web', samples: [] });
  });

  it('follows a rolling deployment (min 100 %, max 200 %): one sample per change, at epoch seconds', () => {
    const w = aWebService({ loadBalancer: 'none' });
    const A = deploymentIdAt(START * 1000);
    w.advance(11); // placed at 1 s, RUNNING at 11 s
    w.s.ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.14', memory: 128, portMappings: [{ containerPort: 80 }] }] });
    w.s.ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' });
    const B = deploymentIdAt((START + 11) * 1000);
    w.advance(12);
    // D = 2: MIN = ⌈2 × 100 %⌉ = 2, MAX = ⌊2 × 200 %⌋ = 4
    const sample = (t: number, healthy: number, deployments: unknown[]) => ({ at: START + t, desiredCount: 2, min: 2, max: 4, healthy, deployments });
    expect(w.s.sandbox('GetTimeline', { service: serviceArnOf('web') })).toEqual({
      serviceName: 'web',
      samples: [
        sample(1, 0, [{ id: A, status: 'PRIMARY', running: 0, pending: 2 }]),
        sample(11, 2, [{ id: A, status: 'PRIMARY', running: 2, pending: 0 }]),
        // 12 s: k = min(2 − 0, 4 − 2) = 2 new tasks; j = min(2, 2 − 2) = 0 retired
        // (deployments in creation order, unlike DescribeServices, which shows PRIMARY first)
        sample(12, 2, [{ id: A, status: 'ACTIVE', running: 2, pending: 0 }, { id: B, status: 'PRIMARY', running: 0, pending: 2 }]),
        // 22 s: B runs; healthy 4 − MIN 2 = 2 old tasks retire (still RUNNING, no longer healthy)
        sample(22, 2, [{ id: A, status: 'ACTIVE', running: 2, pending: 0 }, { id: B, status: 'PRIMARY', running: 2, pending: 0 }]),
        // 23 s: they exited; A has no live task and is INACTIVE, so it leaves the sample
        sample(23, 2, [{ id: B, status: 'PRIMARY', running: 2, pending: 0 }]),
      ],
    });
  });

  it('reports a stuck deployment (9.5): no room to launch with max 100 % and min 100 %', () => {
    const w = aWebService({ loadBalancer: 'none', service: { deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } } });
    w.advance(11);
    w.s.ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.14', memory: 128 }] });
    w.s.ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' });
    w.advance(1);
    expect(w.s.sandbox('GetTimeline', { service: 'web' }).stuck).toBe('DEPLOYMENT_CONFIGURATION');
  });
});

// FARGATE services on the scheduler (semantics 7 and 8): no container instances; each launch goes to
// the AZ with the fewest of the service's tasks, then that AZ's subnet with the fewest; scale-in takes
// the AZ with the most tasks and draws among its tasks by (createdAt, task id). Tasks go
// PROVISIONING (the ENI attaches) → PENDING → RUNNING, 10 s after creation.
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { register, taskDefinitions } from '../../../builders/services.ts';
import { advance, regionOf, settle } from '../../../builders/scheduler.ts';

const SUBNETS = [
  { subnetId: 'subnet-0000000a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
  { subnetId: 'subnet-000000a2', availabilityZone: 'us-east-1a', cidrBlock: '10.0.3.0/24' },
  { subnetId: 'subnet-0000000b', availabilityZone: 'us-east-1b', cidrBlock: '10.0.2.0/24' },
];

function fargateWorld(desiredCount: number) {
  const s = aSandbox();
  s.sandbox('PutSubnets', { subnets: SUBNETS });
  register(s, taskDefinitions.fargate('fg'));
  s.ecs('CreateService', {
    serviceName: 'fg', taskDefinition: 'fg', desiredCount, launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS.map((x) => x.subnetId) } },
  });
  return s;
}

const azOf = (subnetId: string | undefined) => SUBNETS.find((x) => x.subnetId === subnetId)!.availabilityZone;
const liveByAz = (s: ReturnType<typeof aSandbox>) => {
  const counts: Record<string, number> = {};
  for (const t of regionOf(s).tasks) if (t.lastStatus !== 'STOPPED') counts[azOf(t.eni?.subnetId)] = (counts[azOf(t.eni?.subnetId)] ?? 0) + 1;
  return counts;
};

describe('FARGATE services (semantics 7, 8)', () => {
  it('launches balance the AZs, then the subnets inside an AZ; PROVISIONING → PENDING → RUNNING', () => {
    const s = fargateWorld(4);
    advance(s, 1); // the step at 1 s launches all 4 (MAX = 8, k = min(4 − 0, 8 − 0) = 4)
    const tasks = regionOf(s).tasks;
    expect(tasks.map((t) => t.lastStatus)).toEqual(['PROVISIONING', 'PROVISIONING', 'PROVISIONING', 'PROVISIONING']);
    // 2 per AZ; us-east-1a's two go one to each of its subnets (fewest first)
    expect(liveByAz(s)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });
    expect(new Set(tasks.filter((t) => azOf(t.eni?.subnetId) === 'us-east-1a').map((t) => t.eni!.subnetId)).size).toBe(2);
    advance(s, 1); // the ENIs are attached at the next step
    expect(regionOf(s).tasks.map((t) => t.lastStatus)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
    expect(settle(s)).toBe(true); // RUNNING 10 s after creation: created at 1 s, RUNNING at 11 s
    expect(regionOf(s).tasks.map((t) => [t.lastStatus, (t.startedAt! - s.api.document.startedAt) / 1000])).toEqual(
      Array(4).fill(['RUNNING', 11]));
  });

  it('scale-in takes the AZ with the most tasks first (3 in a, 2 in b → 2 and 2 → …)', () => {
    const s = fargateWorld(5);
    expect(settle(s)).toBe(true);
    expect(liveByAz(s)).toEqual({ 'us-east-1a': 3, 'us-east-1b': 2 }); // the 5th went to a (first of the tied AZs, by draw)
    s.ecs('UpdateService', { service: 'fg', desiredCount: 2 });
    expect(settle(s)).toBe(true);
    // s = 5 − 2 = 3 picks, one at a time, each from the AZ with the most: a (3 vs 2) → 2/2; a tie, drawn
    // → 1/2 or 2/1; then the AZ with 2 → 1/1
    expect(liveByAz(s)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1 });
  });

  it('a rolling deployment replaces every task with the new revision', () => {
    const s = fargateWorld(2);
    expect(settle(s)).toBe(true);
    register(s, taskDefinitions.fargate('fg'));
    s.ecs('UpdateService', { service: 'fg', taskDefinition: 'fg' });
    expect(settle(s)).toBe(true);
    const running = regionOf(s).tasks.filter((t) => t.lastStatus === 'RUNNING');
    expect(running.map((t) => t.taskDefinitionArn.endsWith(':2'))).toEqual([true, true]);
    expect(s.ecs('DescribeServices', { services: ['fg'] }).services[0].deployments).toHaveLength(1);
  });
});

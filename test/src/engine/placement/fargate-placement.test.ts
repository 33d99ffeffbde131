import { describe, expect, it } from 'vitest';
import { placeFargateTasks } from '../../../../src/engine/placement/fargate-placement.ts';
import { newDocument, regionState } from '../../../../src/domain/new-document.ts';
import type { TaskRecord } from '../../../../src/domain/records.ts';
import type { RandomState } from '../../../../src/shared/xoshiro128.ts';

function aState() {
  const state = regionState(newDocument({ seed: 42 }), 'us-east-1');
  state.subnets.push(
    { subnetId: 'subnet-a1', availabilityZone: 'us-east-1a' },
    { subnetId: 'subnet-a2', availabilityZone: 'us-east-1a' },
    { subnetId: 'subnet-b1', availabilityZone: 'us-east-1b' },
  );
  return state;
}

const fargateTask = (id: string, subnetId: string, group = 'service:app'): TaskRecord => ({
  id, clusterName: 'default', taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/app:1', group,
  lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'FARGATE', createdAt: 0, version: 2, hostPorts: [],
  eni: { subnetId, privateIpv4Address: '10.0.0.9', attachmentId: id },
});

describe('placeFargateTasks (semantics 7, Decision)', () => {
  it('no tie: the AZ with fewest tasks, then its emptiest subnet, drawing nothing', () => {
    const state = aState();
    // us-east-1a holds 2 tasks (a1), us-east-1b 1: the first goes to 1b; then 1a and 1b tie at 2 → a draw
    state.tasks.push(fargateTask('t1', 'subnet-a1'), fargateTask('t2', 'subnet-a1'), fargateTask('t3', 'subnet-b1'),
      fargateTask('other', 'subnet-b1', 'service:other'));
    const random: RandomState = [1, 2, 3, 4];
    const placed = placeFargateTasks(state, 'default', 'service:app', ['subnet-a1', 'subnet-a2', 'subnet-b1'], 1, random);
    expect(placed.subnets).toEqual(['subnet-b1']);
    expect(placed.random).toEqual([1, 2, 3, 4]);
    expect(random).toEqual([1, 2, 3, 4]); // the input is not advanced
  });

  it('inside the chosen AZ, the subnet with fewest tasks', () => {
    const state = aState();
    state.tasks.push(fargateTask('t1', 'subnet-a1'), fargateTask('t2', 'subnet-b1'), fargateTask('t3', 'subnet-b1'));
    const placed = placeFargateTasks(state, 'default', 'service:app', ['subnet-b1', 'subnet-a1', 'subnet-a2'], 1, [1, 2, 3, 4]);
    expect(placed.subnets).toEqual(['subnet-a2']);
  });

  it('ties are drawn, and each placement counts for the next: 6 tasks end 3 / 3, and 1a\'s two subnets even', () => {
    const placed = placeFargateTasks(aState(), 'default', 'service:app', ['subnet-a1', 'subnet-b1', 'subnet-a2'], 6, [1, 2, 3, 4]);
    const count = (x: string) => placed.subnets.filter((s) => s === x).length;
    // us-east-1a's 3 tasks split 2 / 1 over its two subnets, whichever way the draws go
    expect(count('subnet-b1')).toBe(3);
    expect(Math.abs(count('subnet-a1') - count('subnet-a2'))).toBeLessThanOrEqual(1);
    expect(placed.random).not.toEqual([1, 2, 3, 4]);
  });
});

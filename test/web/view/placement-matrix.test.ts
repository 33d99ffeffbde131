import { describe, expect, it } from 'vitest';
import { placementMatrix, placementVerdict, type PlacementExplanation } from '../../../web/view/placement-matrix.ts';

const arn = (id: string) => `arn:aws:ecs:us-east-1:123456789012:container-instance/${id}`;
const NONE_PLACED: PlacementExplanation = {
  placements: [],
  instances: [
    { containerInstanceArn: arn('a'), ec2InstanceId: 'i-a', result: 'MEMORY', reason: 'insufficient memory available', detail: 'needs 512 MiB, 256 free' },
    { containerInstanceArn: arn('b'), ec2InstanceId: 'i-b', result: 'DRAINING', reason: 'is DRAINING' },
  ],
  closestMatch: { containerInstanceArn: arn('a'), ec2InstanceId: 'i-a', reason: 'insufficient memory available' },
};

describe('placement matrix', () => {
  it('one row per instance, the closest match marked', () => {
    expect(placementMatrix(NONE_PLACED)).toEqual([
      { instance: 'i-a', containerInstanceArn: arn('a'), result: 'MEMORY', reason: 'insufficient memory available', detail: 'needs 512 MiB, 256 free', closest: true, placed: false },
      { instance: 'i-b', containerInstanceArn: arn('b'), result: 'DRAINING', reason: 'is DRAINING', detail: '', closest: false, placed: false },
    ]);
  });

  it('the verdict names the closest match when a task cannot be placed', () => {
    expect(placementVerdict(NONE_PLACED, 1)).toBe('0 of 1 task can be placed; 2 of 2 instances reject it. Closest match: i-a (insufficient memory available).');
    const placed: PlacementExplanation = {
      placements: [{ containerInstanceArn: arn('a'), ec2InstanceId: 'i-a', hostPorts: [] }],
      instances: [{ containerInstanceArn: arn('a'), ec2InstanceId: 'i-a', result: 'PLACED' }, { containerInstanceArn: arn('b'), ec2InstanceId: 'i-b', result: 'ELIGIBLE' }],
    };
    expect(placementVerdict(placed, 1)).toBe('All 1 task can be placed (2 of 2 instances eligible).');
  });
});

// EcsSandbox.DescribePlacement's answer as the "Why is this task not placed?" table shows it.

import type { PlacementExplanation } from '../../src/worker/scheduler-api.ts';

export type { PlacementExplanation };

export interface MatrixRow {
  instance: string;
  containerInstanceArn: string;
  result: string;
  reason: string;
  detail: string;
  closest: boolean;
  placed: boolean;
}

export function placementMatrix(explanation: PlacementExplanation): MatrixRow[] {
  return explanation.instances.map((i) => ({
    instance: i.ec2InstanceId,
    containerInstanceArn: i.containerInstanceArn,
    result: i.result,
    reason: i.reason ?? '',
    detail: i.detail ?? '',
    closest: explanation.closestMatch?.containerInstanceArn === i.containerInstanceArn,
    placed: i.result === 'PLACED',
  }));
}

/** One sentence: how many could be placed, and the closest match when none could. */
export function placementVerdict(explanation: PlacementExplanation, count: number): string {
  const placed = explanation.placements.length;
  const eligible = explanation.instances.filter((i) => i.result === 'PLACED' || i.result === 'ELIGIBLE').length;
  const head = placed >= count
    ? `All ${count} task${count === 1 ? '' : 's'} can be placed (${eligible} of ${explanation.instances.length} instances eligible).`
    : `${placed} of ${count} task${count === 1 ? '' : 's'} can be placed; ${explanation.instances.length - eligible} of ${explanation.instances.length} instances reject it.`;
  const closest = explanation.closestMatch;
  return closest && placed < count ? `${head} Closest match: ${closest.ec2InstanceId} (${closest.reason}).` : head;
}

// The service event of a placement failure (semantics 4.11, D12): the closest matching instance (4.10)
// and the reason of the stage it failed, or the "No Container Instances" variant when the cluster has
// no ACTIVE instance. The scheduler's step emits it for the first task it could not place.
import { TASKS } from '../../messages.ts';
import type { PlacementResult } from '../../placement/placement-problem.ts';
import type { ContainerInstanceRecord } from '../../domain/records.ts';
import { eventReasonOf } from './placement-reasons.ts';

export function placementFailureMessage(serviceName: string, result: PlacementResult, built: { readonly instances: readonly ContainerInstanceRecord[] }): string {
  const closest = result.closestMatch;
  const reason = closest >= 0 ? eventReasonOf(result.rejectCode[closest]) : undefined;
  const hasActive = built.instances.some((i) => i.status === 'ACTIVE');
  if (!hasActive || closest < 0 || reason === undefined) return TASKS.placementFailureNoInstancesEvent(serviceName);
  return TASKS.placementFailureEvent(serviceName, built.instances[closest].id, reason);
}

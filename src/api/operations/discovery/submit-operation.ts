// Starting an asynchronous Auto Naming operation: SUBMITTED now, complete at the first scheduler
// step after now (src/engine/discovery-operations.ts applies it).
import type {
  DiscoveryOperationRecord, DiscoveryOperationType, PendingDiscoveryChange,
} from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { nextStepAfter } from '../../../engine/clock.ts';

/** Operation ids look like AWS's: 32 + 8 lower-case characters, e.g. `gv4g5meo7ndmeh4fqskygvk23d2fijwa-k9302yzd`. */
export const newOperationId = (ctx: OperationContext) => `${ctx.newToken(32)}-${ctx.newToken(8)}`;

export function submitOperation(
  ctx: OperationContext, id: string, type: DiscoveryOperationType, targets: Record<string, string>,
  pending: PendingDiscoveryChange, creatorRequestId?: string,
): DiscoveryOperationRecord {
  const op: DiscoveryOperationRecord = {
    id, type, status: 'SUBMITTED', createdAt: ctx.now, updatedAt: ctx.now,
    completesAt: completionTime(ctx), targets, pending,
    ...(creatorRequestId !== undefined ? { creatorRequestId } : {}),
  };
  ctx.state.discovery.operations.push(op);
  return op;
}

export const completionTime = (ctx: OperationContext) => nextStepAfter(ctx.doc, ctx.now);

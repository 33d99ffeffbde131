// What a task behaviour's `taskDefinition` names (semantics 3.2): a family (every revision without an
// entry of its own), or one revision, stored as its full ARN whether given as `family:revision` or as
// an ARN, so that the scheduler's lookup (engine/scheduler/task-behaviour.ts) finds it. The
// definition need not be registered yet: a scenario may state how a family behaves before it exists.
import type { OperationContext } from '../../operation-context.ts';
import { parseEcsArn, taskDefinitionArn } from '../../../domain/arns.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';

/** RegisterTaskDefinition's family rule (up to 255 letters, digits, hyphens and underscores). */
const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const REVISION = /^[1-9][0-9]{0,8}$/;

/** The stored key: the family, or the revision's full ARN. Throws InvalidParameterException. */
export function taskBehaviourKey(ctx: OperationContext, ref: string): string {
  let id = ref;
  if (ref.startsWith('arn:')) {
    const arn = parseEcsArn(ref, 'task-definition');
    if (!arn) throw invalidParameter(SANDBOX.badTaskDefinitionReference(ref));
    if (arn.region !== ctx.region || arn.accountId !== ctx.scope.accountId) {
      throw invalidParameter(SANDBOX.foreignArn(ref, ctx.region, ctx.scope.accountId));
    }
    id = arn.id;
    // an ARN always names one revision
    if (!id.includes(':')) throw invalidParameter(SANDBOX.badTaskDefinitionReference(ref));
  }
  const colon = id.lastIndexOf(':');
  if (colon < 0) {
    if (!FAMILY.test(id)) throw invalidParameter(SANDBOX.badTaskDefinitionReference(ref));
    return id;
  }
  const family = id.slice(0, colon);
  const revision = id.slice(colon + 1);
  if (!FAMILY.test(family) || !REVISION.test(revision)) throw invalidParameter(SANDBOX.badTaskDefinitionReference(ref));
  return taskDefinitionArn(ctx.scope, family, Number(revision));
}

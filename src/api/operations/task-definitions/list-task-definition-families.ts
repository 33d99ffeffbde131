import type { ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { paginate } from '../../paginate.ts';

/**
 * API18: every family by default (ALL), "which may include task definition families that no longer have
 * any ACTIVE task definition revisions"; ACTIVE keeps families with an ACTIVE revision, INACTIVE those
 * without one. `familyPrefix` is a name prefix. **Decision:** families are listed in the order of their
 * first registration, which is the order EX18 shows (`node-js-app, web-timer, hpcc, hpcc-c4-8xlarge`).
 */
export function listTaskDefinitionFamilies(
  ctx: OperationContext, input: ListTaskDefinitionFamiliesRequest,
): ListTaskDefinitionFamiliesResponse {
  const hasActive = new Map<string, boolean>();
  for (const { definition } of ctx.state.taskDefinitions) {
    const family = definition.family!;
    hasActive.set(family, (hasActive.get(family) ?? false) || definition.status === 'ACTIVE');
  }
  const prefix = input.familyPrefix ?? '';
  const status = input.status ?? 'ALL';
  const families = [...hasActive]
    .filter(([family, active]) => family.startsWith(prefix) && (status === 'ALL' || active === (status === 'ACTIVE')))
    .map(([family]) => family);
  const page = paginate(families, input.nextToken, input.maxResults, ctx.era.listDefaultMaxResults);
  return { families: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

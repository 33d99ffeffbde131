import type { ListTaskDefinitionsRequest, ListTaskDefinitionsResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { paginate } from '../../paginate.ts';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * API18: ACTIVE revisions by default, or those of `status`; `familyPrefix` is "the full family name"
 * and keeps that family's revisions only. ASC (default) lists "lexicographically by family name and in
 * ascending numerical order by revision"; DESC reverses both. Pages of 1–100 (maxResults).
 */
export function listTaskDefinitions(ctx: OperationContext, input: ListTaskDefinitionsRequest): ListTaskDefinitionsResponse {
  const status = input.status ?? 'ACTIVE';
  const family = input.familyPrefix || undefined;
  const definitions = ctx.state.taskDefinitions
    .map((r) => r.definition)
    .filter((d) => d.status === status && (family === undefined || d.family === family))
    .sort((a, b) => byCodeUnits(a.family!, b.family!) || a.revision! - b.revision!);
  if (input.sort === 'DESC') definitions.reverse();
  const page = paginate(definitions.map((d) => d.taskDefinitionArn!), input.nextToken, input.maxResults, ctx.era.listDefaultMaxResults);
  return { taskDefinitionArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

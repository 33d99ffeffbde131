// Auto Naming pages like the ECS List* operations (an opaque token of the next offset), but its
// errors are InvalidInput.
import { AwsError } from '../../aws-error.ts';
import { paginate, type Page } from '../../paginate.ts';
import { LIMITS, invalidInput, requireMaxResults } from './discovery-constraints.ts';

export function paginateDiscovery<T>(items: readonly T[], nextToken: string | undefined, maxResults: number | undefined): Page<T> {
  requireMaxResults(maxResults);
  try {
    return paginate(items, nextToken, maxResults, LIMITS.maxResults);
  } catch (error) {
    if (error instanceof AwsError) throw invalidInput(error.message);
    throw error;
  }
}

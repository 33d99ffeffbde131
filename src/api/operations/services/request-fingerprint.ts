// D40: CreateService idempotency compares the whole request, the cluster resolved to its name.
import type { CreateServiceRequest } from '../../../model/ecs-types.ts';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Key order does not matter; `cluster: "default"`, its ARN and an omitted cluster are the same request. */
export const requestFingerprint = (input: CreateServiceRequest, clusterName: string): string =>
  JSON.stringify(canonical({ ...input, cluster: clusterName }));

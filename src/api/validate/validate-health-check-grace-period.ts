// 15.1 #34, #35: healthCheckGracePeriodSeconds needs a load balancer (section 13) and lies in the
// era's range (1.3: 0–1,800 s in API18).
import type { Era } from '../../engine/era.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import type { ServiceDraft } from './service-draft.ts';

export function validateHealthCheckGracePeriod(era: Era, draft: ServiceDraft): void {
  const grace = draft.healthCheckGracePeriodSeconds;
  if (grace === undefined) return;
  if (draft.loadBalancers.length === 0) throw invalidParameter(SERVICES.gracePeriodWithoutLoadBalancer);
  const max = era.healthCheckGracePeriodMaxSeconds;
  if (grace < 0 || grace > max) throw invalidParameter(SERVICES.gracePeriodRange(max));
}

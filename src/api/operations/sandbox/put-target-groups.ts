import type { OperationContext } from '../../operation-context.ts';
import type { TargetGroupRecord } from '../../../domain/records.ts';
import { parseLoadBalancerArn, parseTargetGroupArn, type ElbArn } from '../../../domain/resource-ids.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { integer, list, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { mergeById, requireUniqueIds } from './merge-by-id.ts';

/** The ALB/NLB target group protocols of 2018 (TLS came in 2019, UDP later). */
export const TARGET_GROUP_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP'] as const;

const PUT_TARGET_GROUPS = structure({
  targetGroups: list(structure({
    targetGroupArn: string(),
    targetType: string(['instance', 'ip']),
    loadBalancerArns: list(string()),
    port: integer,
    protocol: string(TARGET_GROUP_PROTOCOLS),
    healthCheckIntervalSeconds: integer,
    healthyThresholdCount: integer,
    unhealthyThresholdCount: integer,
    deregistrationDelaySeconds: integer,
  }, ['targetGroupArn', 'targetType', 'loadBalancerArns'])),
}, ['targetGroups']);

/** The ELBv2 limits of the health settings (semantics 13; CreateTargetGroup, ModifyTargetGroupAttributes). */
export const HEALTH_SETTING_RANGES = {
  healthCheckIntervalSeconds: [5, 300],
  healthyThresholdCount: [2, 10],
  unhealthyThresholdCount: [2, 10],
  deregistrationDelaySeconds: [0, 3600],
} as const;

type HealthSetting = keyof typeof HEALTH_SETTING_RANGES;

/**
 * Declares the region's target groups: what CreateService's targetGroupArn may name (D51, 15.1 #31).
 * An empty loadBalancerArns is allowed: it is how a scenario sets up the "no associated load
 * balancer" error. Merged by targetGroupArn. The health settings drive the simulated health checks
 * and connection draining (13); absent ones take the ALB defaults (30 s, 5, 2, 300 s). A changed
 * setting applies from each target's next health decision.
 */
export function putTargetGroups(ctx: OperationContext, input: unknown): { targetGroups: TargetGroupRecord[] } {
  const { targetGroups } = validateSandboxInput<{ targetGroups: TargetGroupRecord[] }>(PUT_TARGET_GROUPS, input);
  const inScope = (arn: string, parsed: ElbArn) => {
    if (parsed.region !== ctx.region || parsed.accountId !== ctx.scope.accountId) {
      throw invalidParameter(SANDBOX.foreignArn(arn, ctx.region, ctx.scope.accountId));
    }
  };
  targetGroups.forEach((group, i) => {
    const parsed = parseTargetGroupArn(group.targetGroupArn);
    if (!parsed) throw invalidParameter(SANDBOX.badTargetGroupArn(group.targetGroupArn));
    inScope(group.targetGroupArn, parsed);
    for (const lb of group.loadBalancerArns) {
      const parsedLb = parseLoadBalancerArn(lb);
      if (!parsedLb) throw invalidParameter(SANDBOX.badLoadBalancerArn(lb));
      inScope(lb, parsedLb);
    }
    if (group.port !== undefined && (group.port < 1 || group.port > 65535)) {
      throw invalidParameter(SANDBOX.badPort(`targetGroups[${i}].port`, group.port));
    }
    for (const [setting, [min, max]] of Object.entries(HEALTH_SETTING_RANGES) as [HealthSetting, readonly [number, number]][]) {
      const value = group[setting];
      if (value !== undefined && (value < min || value > max)) {
        throw invalidParameter(SANDBOX.outOfRange(`targetGroups[${i}].${setting}`, min, max, value));
      }
    }
  });
  requireUniqueIds(targetGroups, (g) => g.targetGroupArn, 'Target group');
  const records = targetGroups.map((g): TargetGroupRecord => ({
    targetGroupArn: g.targetGroupArn,
    targetType: g.targetType,
    loadBalancerArns: [...new Set(g.loadBalancerArns)],
    ...(g.port !== undefined ? { port: g.port } : {}),
    ...(g.protocol !== undefined ? { protocol: g.protocol } : {}),
    ...Object.fromEntries(Object.keys(HEALTH_SETTING_RANGES).flatMap((k) => {
      const value = g[k as HealthSetting];
      return value === undefined ? [] : [[k, value]];
    })),
  }));
  mergeById(ctx.state.targetGroups, records, (g) => g.targetGroupArn);
  return { targetGroups: structuredClone(ctx.state.targetGroups) };
}

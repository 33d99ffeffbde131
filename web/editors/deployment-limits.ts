// MIN and MAX of a deployment configuration (semantics 9.1) and the configuration deadlock of 9.5,
// which the service editor shows before the change is applied.

/** The 2018 API defaults (semantics 2.3): 200 / 100. The console's 50 / 200 is offered as a preset. */
export const DEFAULT_MAXIMUM_PERCENT = 200;
export const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
export const CONSOLE_PRESET = { minimumHealthyPercent: 50, maximumPercent: 200 } as const;

export interface DeploymentLimits {
  /** ceil(D·minimumHealthyPercent/100): healthy tasks the scheduler keeps during a deployment. */
  min: number;
  /** floor(D·maximumPercent/100): RUNNING + PENDING tasks it allows. */
  max: number;
  /** 9.5: D ≥ 1, MAX ≤ D and MIN ≥ D: a new deployment can neither start nor stop a task. */
  deadlock: boolean;
}

export function deploymentLimits(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): DeploymentLimits {
  const d = Math.max(0, Math.trunc(desiredCount));
  // 9.1 integer arithmetic: MAX = (D·max) div 100, MIN = (D·min + 99) div 100
  const max = Math.floor((d * maximumPercent) / 100);
  const min = Math.floor((d * minimumHealthyPercent + 99) / 100);
  return { min, max, deadlock: d >= 1 && max <= d && min >= d };
}

/** The sentence the editor shows next to the deployment configuration. */
export function deadlockWarning(limits: DeploymentLimits, desiredCount: number): string | undefined {
  if (!limits.deadlock) return undefined;
  return `With desiredCount ${desiredCount}, MAX ${limits.max} leaves no room to start a new task and MIN ${limits.min} allows no task to stop: ` +
    'a new deployment would never progress. Raise maximumPercent or lower minimumHealthyPercent.';
}

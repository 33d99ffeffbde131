// The numbers of one service step (semantics 9.1, 9.3): what every PlacementCore's deploymentStep
// takes and answers. The engine gathers the counts; the core only does the arithmetic.
// Domain: non-negative integers, desiredCount ≤ 2^20, counts ≤ 2^24, percents any API Integer
// (≤ 2^31 − 1; MIN and MAX saturate at 2^31 − 1, which changes no launch, retire or scaleIn).

export interface DeploymentStepInput {
  /** D: service.desiredCount. */
  desiredCount: number;
  /** deploymentConfiguration.minimumHealthyPercent. */
  minimumHealthyPercent: number;
  /** deploymentConfiguration.maximumPercent. */
  maximumPercent: number;
  /** Live tasks of the service, all deployments; stopping tasks count until STOPPED (9.1). */
  total: number;
  /** Active tasks that are RUNNING and healthy (9.2). */
  healthy: number;
  /** Active PRIMARY tasks not on DRAINING instances. */
  primary: number;
  /** Active tasks of ACTIVE deployments + active PRIMARY tasks on DRAINING instances. */
  old: number;
  /** The service is in start-failure back-off (section 11): launch nothing. */
  backoff: boolean;
}

export interface DeploymentStep {
  /** MIN = ceil(D × minimumHealthyPercent / 100). */
  min: number;
  /** MAX = floor(D × maximumPercent / 100). */
  max: number;
  /** k: tasks to launch for PRIMARY = max(0, min(D − primary, MAX − total)), 0 in back-off. */
  launch: number;
  /** j: old tasks to retire = max(0, min(old, healthy − MIN)). */
  retire: number;
  /** s: PRIMARY tasks to scale in = max(0, primary − D). */
  scaleIn: number;
}

// What `ecs-sandbox check` found: one entry per ACTIVE service of the scenario, in scenario order.
export type CheckPhase = 'steady' | 'deployment';

/**
 * - `ok`: steady with desiredCount RUNNING after both phases;
 * - `unplaced`: a task could not be placed (the placement-failure event of semantics 4.11 says why);
 * - `stuck`: a deployment cannot progress without outside action (9.5);
 * - `not-steady`: not steady when the time ran out, for another reason (start failures, health checks);
 * - `refused`: UpdateService refused the forced deployment.
 */
export type ServiceOutcome = 'ok' | 'unplaced' | 'stuck' | 'not-steady' | 'refused';

export interface ServiceCheck {
  region: string;
  cluster: string;
  service: string;
  outcome: ServiceOutcome;
  /** The phase that failed; absent when ok. */
  phase?: CheckPhase;
  stuck?: 'CAPACITY' | 'DEPLOYMENT_CONFIGURATION';
  /** At the end of the failed phase (of the last phase when ok). */
  desired: number;
  running: number;
  pending: number;
  /** The latest placement-failure event, when a placement failure is part of the reason. */
  placementFailure?: string;
  /** One readable sentence. */
  reason: string;
}

export interface PhaseRun {
  phase: CheckPhase;
  /** Simulated seconds the phase ran: until every service was steady, or maxSeconds. */
  seconds: number;
  steady: boolean;
}

export interface CheckReport {
  ok: boolean;
  maxSeconds: number;
  phases: PhaseRun[];
  services: ServiceCheck[];
}

// What-if analysis (issue 6): one scenario forked into variants that differ in placement, deployment
// configuration, desired count, task definition, instance pool or an injected fault; every variant runs
// from the same seed and timeline and the reports are compared side by side. Plain JSON throughout, so
// a request can be read from a file (the CLI) and both cross the worker boundary (comlink).
import type { ScenarioCall } from '../scenarios/scenario-call.ts';
import type { DeploymentConfiguration, PlacementConstraint, PlacementStrategy } from '../model/ecs-types.ts';

export type { ScenarioCall };

/** What to compare. */
export interface WhatIfRequest {
  /** The scenario as loadScenario accepts it: `'demo'`, a document (or `{scenario: document}`), calls or `{calls}`. */
  scenario: unknown;
  /**
   * What happens to every variant once its changes are applied and it reached steady state (the
   * baseline), e.g. RegisterTaskDefinition web:2 + UpdateService: the deployment being compared.
   * May be empty: then the report describes the baseline.
   */
  timeline?: ScenarioCall[];
  /** At least one, at most 32; names unique and non-empty. The first is the reference that `eventsOnlyHere` compares against. */
  variants: WhatIfVariant[];
  /** Runs per variant, with seeds base, base+1, …; the base is the scenario's own seed. Default 1, at most 100. */
  seeds?: number;
  /** How long the run after the timeline may take (simulated seconds); default 3600. Also caps the baseline run. */
  maxSeconds?: number;
  /** The region the changes and the report are about; default us-east-1. */
  region?: string;
}

/** One variant: the scenario with these changes, applied in order after the scenario loaded. */
export interface WhatIfVariant {
  name: string;
  /** May be empty (the scenario as it is). */
  changes: WhatIfChange[];
}

/** Exactly one of `service`, `addInstances`, `removeInstances`, `fault`, `calls` per change. */
export type WhatIfChange =
  | ServiceChange
  | AddInstancesChange
  | RemoveInstancesChange
  | FaultChange
  | CallsChange;

/**
 * A service as if it had been created with these settings. Placement fields cannot be changed through
 * the 2018 UpdateService, so they (and the deployment configuration) are patched on the service record;
 * desiredCount and taskDefinition go through UpdateService.
 */
export interface ServiceChange {
  /** The service's name (or ARN). */
  service: string;
  /** Default `default`. */
  cluster?: string;
  placementStrategy?: PlacementStrategy[];
  placementConstraints?: PlacementConstraint[];
  deploymentConfiguration?: DeploymentConfiguration;
  desiredCount?: number;
  /** `family`, `family:revision` or an ARN, registered in the scenario. */
  taskDefinition?: string;
}

/** `count` new container instances registered (RegisterContainerInstance with an EC2 identity document). */
export interface AddInstancesChange {
  addInstances: {
    cluster?: string;
    /** An EC2 instance type the sandbox knows (src/engine/instance-types.ts), e.g. `m4.large`. */
    instanceType: string;
    /** e.g. `us-east-1a`; must be in the request's region. */
    availabilityZone: string;
    /** 1 to 1,000. */
    count: number;
  };
}

/** Container instances deregistered with force (their tasks are orphaned, as in ECS). */
export interface RemoveInstancesChange {
  removeInstances: {
    cluster?: string;
    /** EC2 instance ids (`i-…`) of registered container instances. */
    ec2InstanceIds: string[];
  };
}

/**
 * An EcsSandbox.InjectFault call made `atSeconds` after the timeline starts (0 = with it). Besides the
 * InjectFault faults there is `terminateAvailabilityZone` (what-if only): terminateInstance on every
 * ACTIVE instance of the cluster in `availabilityZone`.
 */
export interface FaultChange {
  fault: {
    atSeconds: number;
    fault: 'terminateInstance' | 'disconnectAgent' | 'failTasks' | 'unhealthyTargets' | 'terminateAvailabilityZone';
    cluster?: string;
    containerInstance?: string;
    /** For terminateAvailabilityZone. */
    availabilityZone?: string;
    seconds?: number;
    tasks?: string[];
    service?: string;
    reason?: string;
  };
}

/** Raw API calls (scenario-call.ts form, references allowed) made when the change is applied. */
export interface CallsChange {
  calls: ScenarioCall[];
}

/** A number over seeds: one value when seeds = 1, else its min / median / max. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** A metric as reported: the value with one seed, its Spread over the runs with more. */
export type Metric = number | Spread;

/** The comparison. */
export interface WhatIfReport {
  /** The region reported on. */
  region: string;
  /** The seeds every variant ran with: the scenario's seed, then +1, +2, … */
  seeds: number[];
  /** The cap on each run after the timeline started, simulated seconds. */
  maxSeconds: number;
  variants: VariantReport[];
}

export interface VariantReport {
  name: string;
  /** Runs of this variant (one per seed). */
  runs: number;
  /** True when every run reached steady state after the timeline. */
  steady: boolean;
  services: ServiceReport[];
  balance: BalanceReport;
  utilization: UtilizationReport;
  /**
   * Service events of every service from the timeline's start, counted per message template: ids
   * replaced (`(task <task>)`, a started/stopped list as `<task>…` and its count as `<n>`,
   * `(container-instance <instance>)`, `(instance <instance>)`, `(deployment <deployment>)`). Sorted by template.
   */
  events: EventCount[];
  /** Templates this variant has and the first variant has not (empty for the first variant): its event differences. */
  eventsOnlyHere: string[];
  /** Per service, its timeline samples after the timeline started (first run). */
  timelines: ServiceTimeline[];
}

export interface ServiceReport {
  /** `cluster/service`; every service not INACTIVE at the end, in creation order. */
  name: string;
  desired: Metric;
  running: Metric;
  /** desired − running − pending, at least 0, at the end. */
  unplaced: Metric;
  /** The latest `was unable to place a task` event text (of the last run having one), unless a steady-state event followed it. */
  lastPlacementFailure?: string;
  /** The scheduler's stuck reason (service.stuck) in any run, e.g. `DEPLOYMENT_CONFIGURATION`. */
  stuck?: string;
  /** Runs that ended stuck. */
  stuckRuns: number;
  /** Seconds from the timeline's start until the service was steady (one deployment, running = desired, none pending) for good; absent when some run ended unsteady. 0 when it never left steady state. */
  deploymentSeconds?: Metric;
  /** Lowest healthy count (RUNNING, and healthy in its target group with a load balancer) from the timeline's start to the end. */
  lowestHealthy: Metric;
  /** Highest RUNNING + PENDING (PROVISIONING included) count from the timeline's start to the end. */
  highestTotal: Metric;
  /** Seconds with RUNNING < desired from the timeline start to the end. */
  secondsBelowDesired: Metric;
}

/**
 * A service's deployment timeline in the first run (the base seed) from the timeline's start: the
 * sample in force then (at 0) and every later one, for overlaid charts (the playground's what-if view).
 */
export interface ServiceTimeline {
  /** `cluster/service`, as in ServiceReport. */
  name: string;
  points: TimelinePoint[];
}

/** One service timeline sample (engine/scheduler/timeline.ts), summed over its deployments. */
export interface TimelinePoint {
  /** Simulated seconds since the timeline started (the sample in force at the start is at 0). */
  atSeconds: number;
  running: number;
  pending: number;
  healthy: number;
  desired: number;
  /** 9.1 MIN and MAX at that moment. */
  min: number;
  max: number;
}

export interface BalanceReport {
  /** Live tasks per Availability Zone (all services), at the end; AZs with instances and no tasks show 0. */
  perAz: Record<string, Metric>;
  /** Most / fewest live tasks on one ACTIVE instance at the end. */
  perInstanceMax: Metric;
  perInstanceMin: Metric;
  /** ACTIVE container instances at the end. */
  instances: Metric;
}

export interface UtilizationReport {
  /** Reserved / registered CPU units over ACTIVE instances at the end, 0–1 (rounded to 0.001). */
  cpu: Metric;
  memory: Metric;
}

export interface EventCount {
  template: string;
  count: Metric;
}

export type WhatIfFormat = 'text' | 'json' | 'md';

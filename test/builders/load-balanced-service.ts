// A service that the scheduler runs, for the EcsSandbox tests of issue 4 (behaviours, target health,
// timelines, faults): container instances, a bridge task definition `web` (container web:80), and a
// service `web` behind an ALB target group, a Classic load balancer, or nothing.
import type { RegionState } from '../../src/domain/sandbox-document.ts';
import { anInstance } from './placement.ts';
import type { RegisteredInstance } from './container-instances.ts';
import { aSandbox, type TestSandbox } from './sandbox.ts';
import { ACCOUNT, REGION, targetGroupArnOf } from './services.ts';

export const LB_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/lb-web/50dc6c495c0c9188`;
export const TG_ARN = targetGroupArnOf('web');
export const CLASSIC_LB = 'web-classic';

export interface HealthSettings {
  healthCheckIntervalSeconds?: number;
  healthyThresholdCount?: number;
  unhealthyThresholdCount?: number;
  deregistrationDelaySeconds?: number;
}

export interface WebServiceOptions {
  desiredCount?: number;
  instances?: number;
  loadBalancer?: 'targetGroup' | 'classic' | 'none';
  /** Target group health settings (targetGroup only). */
  health?: HealthSettings;
  healthCheckGracePeriodSeconds?: number;
  /** Extra CreateService members (serviceRegistries, deploymentConfiguration, …). */
  service?: Record<string, unknown>;
  /** Port mapping of container web:80: dynamic (bridge hostPort 0) unless static. */
  staticPort?: boolean;
}

export interface WebService {
  s: TestSandbox;
  instances: RegisteredInstance[];
  /** Read afresh: a failed call's undo replaces the document's objects. */
  readonly state: RegionState;
  advance(seconds: number): void;
}

/** Declares everything and creates the service; no step has run yet. */
export function aWebService(options: WebServiceOptions = {}, s: TestSandbox = aSandbox()): WebService {
  const { desiredCount = 2, loadBalancer = 'targetGroup', health = {}, staticPort = loadBalancer === 'classic' } = options;
  const instances = Array.from({ length: options.instances ?? 2 }, () => anInstance(s));
  s.ecs('RegisterTaskDefinition', {
    family: 'web',
    containerDefinitions: [{
      name: 'web', image: 'nginx:1.13', memory: 128, portMappings: [{ containerPort: 80, ...(staticPort ? { hostPort: 80 } : {}) }],
    }],
  });
  if (loadBalancer === 'targetGroup') {
    s.sandbox('PutTargetGroups', { targetGroups: [{ targetGroupArn: TG_ARN, targetType: 'instance', loadBalancerArns: [LB_ARN], ...health }] });
  }
  const loadBalancers = loadBalancer === 'targetGroup' ? [{ targetGroupArn: TG_ARN, containerName: 'web', containerPort: 80 }]
    : loadBalancer === 'classic' ? [{ loadBalancerName: CLASSIC_LB, containerName: 'web', containerPort: 80 }] : [];
  s.ecs('CreateService', {
    serviceName: 'web', taskDefinition: 'web', desiredCount,
    ...(loadBalancers.length > 0 ? { loadBalancers } : {}),
    ...(options.healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds: options.healthCheckGracePeriodSeconds } : {}),
    ...options.service,
  });
  return {
    s,
    instances,
    get state() {
      return s.api.document.regions[REGION];
    },
    advance: (seconds) => void s.sandbox('AdvanceTime', { seconds }),
  };
}

/** The service's tasks as [lastStatus, desiredStatus] pairs, in creation order. */
export const taskStates = (w: WebService) => w.state.tasks.map((t) => [t.lastStatus, t.desiredStatus]);

/** The service's events, oldest first. */
export const eventLog = (w: WebService) => w.state.services[0].eventLog.map((e) => e.message);

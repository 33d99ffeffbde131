// The whole simulated world as one plain JSON document: what ExportScenario returns, what
// IndexedDB stores and what a replay starts from. Versioned: see src/persistence for migrations.
import type { RandomState } from '../shared/xoshiro128.ts';
import type {
  ClusterRecord, ContainerInstanceRecord, ServiceRecord, SubnetRecord, TargetGroupRecord, TargetRecord,
  TaskBehaviourRecord, TaskDefinitionRecord, TaskRecord,
} from './records.ts';
import type { DiscoveryState } from './discovery-records.ts';

export const DOCUMENT_SCHEMA_VERSION = 2;
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';
/** Simulated time starts on the day this API snapshot describes: 2018-05-22T00:00:00Z. */
export const DEFAULT_START_MS = Date.UTC(2018, 4, 22);

export type ClockMode = 'manual' | 'realtime';

export interface ClockState {
  mode: ClockMode;
  /** realtime only: simulated milliseconds per wall millisecond. */
  speed: number;
  /** Simulated epoch milliseconds at the last reading. */
  nowMs: number;
}

export interface RegionState {
  clusters: ClusterRecord[];
  taskDefinitions: TaskDefinitionRecord[];
  containerInstances: ContainerInstanceRecord[];
  services: ServiceRecord[];
  tasks: TaskRecord[];
  subnets: SubnetRecord[];
  securityGroups: { groupId: string }[];
  targetGroups: TargetGroupRecord[];
  /** Load balancer targets of service tasks (semantics 13). */
  targets: TargetRecord[];
  /** Scenario settings of task definitions (3.2, 11, 13, D46). */
  taskBehaviours: TaskBehaviourRecord[];
  iam: { serviceLinkedRoleExists: boolean };
  discovery: DiscoveryState;
  /** Next registration index for RegisterContainerInstance (semantics 3.3). */
  nextRegistrationIndex: number;
}

export interface SandboxDocument {
  schemaVersion: number;
  seed: number;
  accountId: string;
  startedAt: number;
  clock: ClockState;
  random: { placement: RandomState; ids: RandomState };
  regions: Record<string, RegionState>;
}

// Creating documents and regions. A new document holds nothing but the `default` cluster of each
// region it is used in (D4).
import {
  DEFAULT_ACCOUNT_ID, DEFAULT_START_MS, DOCUMENT_SCHEMA_VERSION,
  type ClockMode, type RegionState, type SandboxDocument,
} from './sandbox-document.ts';
import { seedStreams } from '../shared/xoshiro128.ts';

export interface NewDocumentOptions {
  seed?: number;
  accountId?: string;
  startedAt?: number;
  clock?: ClockMode;
  speed?: number;
}

export function newDocument(options: NewDocumentOptions = {}): SandboxDocument {
  const seed = (options.seed ?? 1) >>> 0;
  const startedAt = options.startedAt ?? DEFAULT_START_MS;
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    seed,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    startedAt,
    clock: { mode: options.clock ?? 'manual', speed: options.speed ?? 1, nowMs: startedAt },
    random: seedStreams(seed),
    regions: {},
  };
}

export function newRegion(now: number): RegionState {
  return {
    clusters: [{ clusterName: 'default', status: 'ACTIVE', createdAt: now }],
    taskDefinitions: [],
    containerInstances: [],
    services: [],
    tasks: [],
    subnets: [],
    securityGroups: [],
    targetGroups: [],
    targets: [],
    taskBehaviours: [],
    iam: { serviceLinkedRoleExists: true },
    discovery: { namespaces: [], services: [], operations: [], instances: [] },
    nextRegistrationIndex: 0,
  };
}

/** The region's state, created on first use. */
export function regionState(doc: SandboxDocument, region: string): RegionState {
  return (doc.regions[region] ??= newRegion(doc.clock.nowMs));
}

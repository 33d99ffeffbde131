// Route 53 Auto Naming (2017-03-14) state kept beside ECS in each region (semantics 14).
// Records hold the API's own shapes; times are simulated epoch milliseconds.

export interface NamespaceRecord {
  id: string; // ns-…
  arn: string;
  name: string;
  type: 'DNS_PRIVATE' | 'DNS_PUBLIC';
  description?: string;
  vpc?: string;
  hostedZoneId: string;
  createdAt: number;
  creatorRequestId?: string;
}

export interface RegistryServiceRecord {
  id: string; // srv-…
  arn: string;
  name: string;
  namespaceId: string;
  description?: string;
  dnsConfig: {
    NamespaceId?: string;
    RoutingPolicy?: 'MULTIVALUE' | 'WEIGHTED';
    DnsRecords: { Type: 'SRV' | 'A' | 'AAAA' | 'CNAME'; TTL: number }[];
  };
  healthCheckConfig?: { Type: string; ResourcePath?: string; FailureThreshold?: number };
  healthCheckCustomConfig?: { FailureThreshold?: number };
  createdAt: number;
  creatorRequestId?: string;
}

export type DiscoveryOperationType = 'CREATE_NAMESPACE' | 'DELETE_NAMESPACE' | 'REGISTER_INSTANCE' | 'DEREGISTER_INSTANCE';

/** What an operation does when it completes (src/engine/discovery-operations.ts). */
export type PendingDiscoveryChange =
  | { kind: 'createNamespace'; namespace: NamespaceRecord }
  | { kind: 'deleteNamespace'; namespaceId: string }
  | { kind: 'registerInstance'; instance: RegistryInstanceRecord }
  | { kind: 'deregisterInstance'; serviceId: string; instanceId: string };

/**
 * An asynchronous Auto Naming operation. Decision: it is SUBMITTED when the call returns and
 * completes (SUCCESS or FAIL) at the first scheduler step after it, `completesAt` (D54), whichever
 * way the clock moves: AdvanceTime runs the step, and every Auto Naming call first settles the
 * operations already due, so a realtime clock needs no step to have run.
 */
export interface DiscoveryOperationRecord {
  id: string;
  type: DiscoveryOperationType;
  status: 'SUBMITTED' | 'PENDING' | 'SUCCESS' | 'FAIL';
  createdAt: number;
  updatedAt: number;
  completesAt: number;
  /** NAMESPACE, SERVICE and INSTANCE ids, as GetOperation's Targets. */
  targets: Record<string, string>;
  /** Present until the operation completes. */
  pending?: PendingDiscoveryChange;
  /** The request's CreatorRequestId, for idempotent retries. */
  creatorRequestId?: string;
  errorMessage?: string;
  errorCode?: string;
}

export interface RegistryInstanceRecord {
  serviceId: string;
  instanceId: string;
  attributes: Record<string, string>;
  /** HEALTHY / UNHEALTHY with HealthCheckCustomConfig, else UNKNOWN. */
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  creatorRequestId?: string;
  registeredAt: number;
}

export interface DiscoveryState {
  namespaces: NamespaceRecord[];
  services: RegistryServiceRecord[];
  operations: DiscoveryOperationRecord[];
  instances: RegistryInstanceRecord[];
}

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

export interface DiscoveryOperationRecord {
  id: string;
  type: string;
  status: 'SUBMITTED' | 'PENDING' | 'SUCCESS' | 'FAIL';
  createdAt: number;
  updatedAt: number;
  targets: Record<string, string>;
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

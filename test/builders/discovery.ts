// Builders for Route 53 Auto Naming tests: a namespace that exists (its operation completed) and
// registry services in it, with only what a test is about stated.
import type { TestSandbox } from './sandbox.ts';

export const START = 1526947200; // 2018-05-22T00:00:00Z, a new document's clock, in epoch seconds
export const VPC = 'vpc-0a1b2c3d';

/** Creates a private DNS namespace and advances the clock to the step that completes it (1 s). */
export function withNamespace(s: TestSandbox, name = 'example.local', region?: string): string {
  const { OperationId } = s.sd('CreatePrivateDnsNamespace', { Name: name, Vpc: VPC }, region);
  s.sandbox('AdvanceTime', { seconds: 1 }, region);
  return s.sd('GetOperation', { OperationId }, region).Operation.Targets.NAMESPACE;
}

export interface RegistryOptions {
  name?: string;
  records?: ('A' | 'AAAA' | 'SRV' | 'CNAME')[];
  customHealth?: boolean;
  region?: string;
}

/** A registry service (default: `web` with an A and an SRV record, TTL 10) in `namespaceId`. */
export function withRegistry(s: TestSandbox, namespaceId: string, options: RegistryOptions = {}): { Id: string; Arn: string } {
  const { name = 'web', records = ['A', 'SRV'], customHealth = false, region } = options;
  const out = s.sd('CreateService', {
    Name: name,
    DnsConfig: { NamespaceId: namespaceId, DnsRecords: records.map((Type) => ({ Type, TTL: 10 })) },
    ...(customHealth ? { HealthCheckCustomConfig: { FailureThreshold: 1 } } : {}),
  }, region);
  return out.Service;
}

/** Registers an instance and advances to the step that completes the registration. */
export function withInstance(s: TestSandbox, serviceId: string, instanceId: string, attributes: Record<string, string>): void {
  s.sd('RegisterInstance', { ServiceId: serviceId, InstanceId: instanceId, Attributes: attributes });
  s.sandbox('AdvanceTime', { seconds: 1 });
}

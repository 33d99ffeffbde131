import { describe, expect, it } from 'vitest';
import { SD, aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { withInstance, withNamespace, withRegistry } from '../../../builders/discovery.ts';
import { TG_ARN, aWebService, type WebService } from '../../../builders/load-balanced-service.ts';

const C = (value: string, path: string, rule: string) => `1 validation error detected: Value ${value} at '${path}' failed to satisfy constraint: ${rule}`;

/**
 * Namespace example.local (its operation completes at the step at 1 s), registry `web` with an SRV
 * record, and service `web` of two bridge tasks registered in it (container web:80 on a dynamic host
 * port), created at 1 s. Placed at the step at 2 s, RUNNING and registered at 12 s.
 */
function aDiscoveredService(options: { customHealth?: boolean; loadBalancer?: 'targetGroup' | 'none' } = {}): WebService & { registryId: string } {
  const s = aSandbox();
  const registry = withRegistry(s, withNamespace(s), { records: ['SRV'], customHealth: options.customHealth ?? false });
  const w = aWebService({
    loadBalancer: options.loadBalancer ?? 'none',
    health: { healthCheckIntervalSeconds: 5, healthyThresholdCount: 2 },
    service: { serviceRegistries: [{ registryArn: registry.Arn, containerName: 'web', containerPort: 80 }] },
  }, s);
  return Object.assign(w, { registryId: registry.Id });
}

const discover = (s: TestSandbox, extra: Record<string, unknown> = {}) =>
  s.sd('DiscoverInstances', { NamespaceName: 'example.local', ServiceName: 'web', ...extra }).Instances;

/** What 14.4 lists for a bridge task: the container instance's private IP and the host port. */
function expectedOf(w: WebService, healthStatus: string) {
  return w.state.tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => ({
    InstanceId: t.id, NamespaceName: 'example.local', ServiceName: 'web', HealthStatus: healthStatus,
    Attributes: {
      AWS_INSTANCE_IPV4: w.state.containerInstances.find((i) => i.id === t.containerInstanceId)!.privateIp,
      AWS_INSTANCE_PORT: String(t.hostPorts[0].hostPort),
    },
  }));
}

describe('DiscoverInstances (semantics 14.4)', () => {
  it('lists nothing until the tasks run, then one instance per task in registration order, UNKNOWN without custom health', () => {
    const w = aDiscoveredService();
    w.advance(10); // 11 s
    expect(discover(w.s)).toEqual([]);
    w.advance(1); // 12 s
    expect(w.state.tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    const expected = expectedOf(w, 'UNKNOWN');
    expect(expected.map((i) => i.Attributes.AWS_INSTANCE_IPV4)).toEqual(['10.0.1.201', '10.0.1.202']);
    expect(w.s.sd('DiscoverInstances', { NamespaceName: 'example.local', ServiceName: 'web' })).toEqual({ Instances: expected });
  });

  it.each([
    // HEALTHY (the default) includes the UNKNOWN instances of a registry without custom health checks
    [{ HealthStatus: 'HEALTHY' }, [0, 1]],
    [{ HealthStatus: 'ALL' }, [0, 1]],
    [{ HealthStatus: 'UNHEALTHY' }, []],
    [{ MaxResults: 1 }, [0]],
    [{ QueryParameters: { AWS_INSTANCE_IPV4: '10.0.1.202' } }, [1]],
    [{ QueryParameters: { AWS_INSTANCE_IPV4: '10.0.1.202', AWS_INSTANCE_PORT: '1' } }, []],
    // OptionalParameters narrow the answer when some instance matches them, and are ignored otherwise
    [{ OptionalParameters: { AWS_INSTANCE_IPV4: '10.0.1.201' } }, [0]],
    [{ OptionalParameters: { AWS_INSTANCE_IPV4: '10.9.9.9' } }, [0, 1]],
  ])('%j → instances %j', (extra, indexes) => {
    const w = aDiscoveredService();
    w.advance(11);
    const all = expectedOf(w, 'UNKNOWN');
    expect(discover(w.s, extra)).toEqual(indexes.map((k) => all[k]));
  });

  it('with custom health behind a load balancer: UNHEALTHY until the target is healthy, and only HEALTHY ones by default', () => {
    const w = aDiscoveredService({ customHealth: true, loadBalancer: 'targetGroup' });
    w.advance(11); // 12 s: registered, target initial
    expect(discover(w.s)).toEqual([]);
    expect(discover(w.s, { HealthStatus: 'UNHEALTHY' })).toEqual(expectedOf(w, 'UNHEALTHY'));
    w.advance(9); // 21 s: still initial
    expect(discover(w.s)).toEqual([]);
    w.advance(1); // healthy at 12 + 2 × 5 = 22 s
    expect(w.s.sandbox('DescribeTargetHealth', { targetGroupArn: TG_ARN }).TargetHealthDescriptions.map((d: any) => d.TargetHealth.State))
      .toEqual(['healthy', 'healthy']);
    expect(discover(w.s)).toEqual(expectedOf(w, 'HEALTHY'));
  });

  it('a terminated instance\'s task leaves the registry at once', () => {
    const w = aDiscoveredService();
    w.advance(11);
    const [kept, gone] = expectedOf(w, 'UNKNOWN');
    const instance = w.state.containerInstances.find((i) => i.privateIp === gone.Attributes.AWS_INSTANCE_IPV4)!;
    w.s.sandbox('InjectFault', { fault: 'terminateInstance', containerInstance: instance.id });
    expect(discover(w.s)).toEqual([kept]);
  });

  it('instances registered through RegisterInstance are discovered too', () => {
    const s = aSandbox();
    const registry = withRegistry(s, withNamespace(s), { name: 'api' });
    withInstance(s, registry.Id, 'i-1', { AWS_INSTANCE_IPV4: '10.0.0.5', AWS_INSTANCE_PORT: '8080', stage: 'blue' });
    expect(discover(s, { ServiceName: 'api' })).toEqual([{
      InstanceId: 'i-1', NamespaceName: 'example.local', ServiceName: 'api', HealthStatus: 'UNKNOWN',
      Attributes: { AWS_INSTANCE_IPV4: '10.0.0.5', AWS_INSTANCE_PORT: '8080', stage: 'blue' },
    }]);
  });

  it.each([
    [{ ServiceName: 'web' }, 'InvalidInput', C('null', 'namespaceName', 'Member must not be null')],
    [{ NamespaceName: 'example.local' }, 'InvalidInput', C('null', 'serviceName', 'Member must not be null')],
    [{ NamespaceName: 'example local', ServiceName: 'web' }, 'InvalidInput',
      C("'example local'", 'namespaceName', 'Member must satisfy regular expression pattern: ^[!-~]{1,1024}$')],
    [{ NamespaceName: 'example.local', ServiceName: '-web' }, 'InvalidInput',
      C("'-web'", 'serviceName', 'Member must satisfy regular expression pattern: ((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)')],
    [{ NamespaceName: 'example.local', ServiceName: 'web', MaxResults: 0 }, 'InvalidInput', C("'0'", 'maxResults', 'Member must have value greater than or equal to 1')],
    [{ NamespaceName: 'example.local', ServiceName: 'web', MaxResults: 1001 }, 'InvalidInput', C("'1001'", 'maxResults', 'Member must have value less than or equal to 1000')],
    [{ NamespaceName: 'example.local', ServiceName: 'web', QueryParameters: { 'a b': 'x' } }, 'InvalidInput',
      C("'a b'", 'queryParameters.key', 'Member must satisfy regular expression pattern: ^[a-zA-Z0-9!-~]+$')],
    [{ NamespaceName: 'other.local', ServiceName: 'web' }, 'NamespaceNotFound', 'No namespace exists with the specified ID.'],
    [{ NamespaceName: 'example.local', ServiceName: 'api' }, 'ServiceNotFound', 'No service exists with the specified ID.'],
    [{ NamespaceName: 'example.local', ServiceName: 'web', OwnerAccount: '210987654321' }, 'NamespaceNotFound', 'No namespace exists with the specified ID.'],
  ])('%j → %s', (input, code, message) => {
    const s = aSandbox();
    withRegistry(s, withNamespace(s));
    const e = s.error(`${SD}.DiscoverInstances`, input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('an unknown HealthStatus is refused in the model\'s words', () => {
    const s = aSandbox();
    withRegistry(s, withNamespace(s));
    const e = s.error(`${SD}.DiscoverInstances`, { NamespaceName: 'example.local', ServiceName: 'web', HealthStatus: 'GREEN' });
    expect([e.code, e.message]).toEqual(['InvalidInput', C("'GREEN'", 'healthStatus', 'Member must satisfy enum value set: [HEALTHY, UNHEALTHY, ALL]')]);
  });
});

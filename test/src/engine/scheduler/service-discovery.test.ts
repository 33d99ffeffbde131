// Service discovery (semantics 14.2, 14.3): a task that reaches RUNNING is registered in its
// service's registry as one instance (InstanceId = task id) with AWS_INSTANCE_IPV4 and, where a port
// applies, AWS_INSTANCE_PORT; the instance goes when the task's stop sequence begins. bridge: the
// container instance's private IP and the host port bound to containerName/containerPort (SRV only);
// awsvpc: the task ENI's IP and `port`. Registries are made through the Route 53 Auto Naming API.
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { SUBNET, anInstance, aTaskDefinition, withSubnets } from '../../../builders/placement.ts';
import { withNamespace, withRegistry } from '../../../builders/discovery.ts';
import { aTargetGroup, advanceTo, eventRows, regionOf, taskByLabel, twoRevisions } from '../../../builders/scheduler.ts';

describe('service discovery registration (14)', () => {
  it('bridge, SRV: the instance\'s private IP and the DYNAMIC host port; deregistered when the stop begins', () => {
    const s = aSandbox();
    anInstance(s, { privateIp: '10.0.1.25' });
    const registry = withRegistry(s, withNamespace(s), { records: ['SRV'] }); // the clock is at 1 s
    const [rev1, rev2] = twoRevisions(s, 'web', { portMappings: [{ containerPort: 80 }] });
    s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: rev1, desiredCount: 2,
      serviceRegistries: [{ registryArn: registry.Arn, containerName: 'app', containerPort: 80 }],
    });
    advanceTo(s, 11); // placed at 2 s, PENDING: nothing registered yet
    expect(s.sd('ListInstances', { ServiceId: registry.Id })).toEqual({ Instances: [] });
    advanceTo(s, 12); // RUNNING: registered at once (no Auto Naming operation to wait for)
    const [t1, t2] = [taskByLabel(s, 'T1').id, taskByLabel(s, 'T2').id];
    expect(s.sd('ListInstances', { ServiceId: registry.Id })).toEqual({
      Instances: [
        { Id: t1, Attributes: { AWS_INSTANCE_IPV4: '10.0.1.25', AWS_INSTANCE_PORT: '49153' } }, // D13: lowest ephemeral port
        { Id: t2, Attributes: { AWS_INSTANCE_IPV4: '10.0.1.25', AWS_INSTANCE_PORT: '49154' } },
      ],
    });
    expect(regionOf(s).discovery.instances.map((i) => i.healthStatus)).toEqual(['UNKNOWN', 'UNKNOWN']); // no custom health config

    // a deployment: T3 T4 registered at RUNNING (23 s); T1 T2 deregistered when their stop begins (also 23 s)
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    advanceTo(s, 23);
    expect(eventRows(s, 'web', 13)).toEqual([
      '13s (service web) has started 2 tasks: (task T3) (task T4).',
      '23s (service web) has stopped 2 running tasks: (task T2) (task T1).',
    ]);
    expect(s.sd('ListInstances', { ServiceId: registry.Id }).Instances.map((i: any) => [i.Id, i.Attributes.AWS_INSTANCE_PORT])).toEqual([
      [taskByLabel(s, 'T3').id, '49155'], [taskByLabel(s, 'T4').id, '49156'],
    ]);

    // scale to 0: every instance goes with the stop (24 s), before the tasks are STOPPED (25 s)
    s.ecs('UpdateService', { service: 'web', desiredCount: 0 });
    advanceTo(s, 24);
    expect(regionOf(s).tasks.slice(2).map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    expect(s.sd('ListInstances', { ServiceId: registry.Id })).toEqual({ Instances: [] });
  });

  it('awsvpc, A + SRV with `port`: the ENI\'s IP and the port; HEALTHY with a custom health config (no load balancer)', () => {
    const s = aSandbox();
    withSubnets(s);
    anInstance(s, { az: 'us-east-1a', privateIp: '10.0.1.10' });
    const registry = withRegistry(s, withNamespace(s), { records: ['A', 'SRV'], customHealth: true });
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 8080 }] }, { networkMode: 'awsvpc' });
    s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: 'web', desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a] } },
      serviceRegistries: [{ registryArn: registry.Arn, port: 8080 }],
    });
    advanceTo(s, 12);
    const [t1, t2] = [taskByLabel(s, 'T1').id, taskByLabel(s, 'T2').id];
    // 14.3: ENIs take the lowest free addresses of 10.0.1.0/24 after the four AWS reserves
    expect(s.sd('DiscoverInstances', { NamespaceName: 'example.local', ServiceName: 'web' })).toEqual({
      Instances: [
        { InstanceId: t1, NamespaceName: 'example.local', ServiceName: 'web', HealthStatus: 'HEALTHY', Attributes: { AWS_INSTANCE_IPV4: '10.0.1.4', AWS_INSTANCE_PORT: '8080' } },
        { InstanceId: t2, NamespaceName: 'example.local', ServiceName: 'web', HealthStatus: 'HEALTHY', Attributes: { AWS_INSTANCE_IPV4: '10.0.1.5', AWS_INSTANCE_PORT: '8080' } },
      ],
    });
    // scale-in: the stopped task's instance goes at once
    s.ecs('UpdateService', { service: 'web', desiredCount: 1 });
    advanceTo(s, 13);
    const stopped = regionOf(s).tasks.find((t) => t.desiredStatus === 'STOPPED')!;
    expect(s.sd('ListInstances', { ServiceId: registry.Id }).Instances.map((i: any) => i.Id)).toEqual([t1, t2].filter((id) => id !== stopped.id));
  });

  it('behind a load balancer with a custom health config: UNHEALTHY until the target is healthy (14.3, 9.2)', () => {
    const s = aSandbox();
    withSubnets(s);
    anInstance(s, { az: 'us-east-1a', privateIp: '10.0.1.10' });
    const registry = withRegistry(s, withNamespace(s), { records: ['A'], customHealth: true });
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 8080 }] }, { networkMode: 'awsvpc' });
    const tg = aTargetGroup(s, 'web', 'ip');
    s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: 'web', desiredCount: 1,
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a] } },
      loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 8080 }],
      serviceRegistries: [{ registryArn: registry.Arn }],
    });
    advanceTo(s, 12); // RUNNING at 12 s: target (10.0.1.4, 8080) initial
    expect(regionOf(s).targets.map((t) => [t.targetId, t.port, t.state])).toEqual([['10.0.1.4', 8080, 'initial']]);
    const health = () => regionOf(s).discovery.instances.map((i) => [i.attributes, i.healthStatus]);
    expect(health()).toEqual([[{ AWS_INSTANCE_IPV4: '10.0.1.4' }, 'UNHEALTHY']]); // A only: no port
    advanceTo(s, 161);
    expect(health()).toEqual([[{ AWS_INSTANCE_IPV4: '10.0.1.4' }, 'UNHEALTHY']]);
    advanceTo(s, 162); // 12 + 5 × 30
    expect(health()).toEqual([[{ AWS_INSTANCE_IPV4: '10.0.1.4' }, 'HEALTHY']]);
  });
});

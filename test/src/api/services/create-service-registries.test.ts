// CreateService 15.1 #36–#44: service registries per network mode (14.1, 14.2). The registry's
// DnsConfig.DnsRecords decide what an entry must carry.
import { describe, expect, it } from 'vitest';
import { aServiceWorld, registryArnOf, requests } from '../../../builders/services.ts';

const ipe = 'InvalidParameterException';
const w = aServiceWorld(); // only for the ARNs in the tables
const { a: A, srv: SRV, both: BOTH } = w.reg;
const entry = (registryArn: string, extra: Record<string, unknown> = {}) => ({ registryArn, ...extra });
const pair = (containerName = 'web', containerPort = 80) => ({ containerName, containerPort });

describe('CreateService: service registries (15.1 #36–#44)', () => {
  it.each([
    ['#36', 'two registries (D38: one per service)', requests.vpc({ serviceRegistries: [entry(A), entry(A)] }),
      'Each service may be associated with one service registry.'],
    ['#36', 'an unknown registry', requests.vpc({ serviceRegistries: [entry(registryArnOf('srv-ghost'))] }),
      `Service registry ${registryArnOf('srv-ghost')} does not exist.`],
    ['#37', 'bridge without a container pair', requests.ec2({ serviceRegistries: [entry(SRV)] }),
      `When specifying 'host' or 'bridge' for networkMode, values for 'containerName' and 'containerPort' must be specified from the task definition. Registry: ${SRV}`],
    ['#37', 'host with containerName only', requests.ec2({ taskDefinition: 'hostweb', serviceRegistries: [entry(SRV, { containerName: 'web' })] }),
      `When specifying 'host' or 'bridge' for networkMode, values for 'containerName' and 'containerPort' must be specified from the task definition. Registry: ${SRV}`],
    ['#38', 'bridge with an A-only registry', requests.ec2({ serviceRegistries: [entry(A, pair())] }),
      `The SRV record is the only supported DNS record type for the 'host' or 'bridge' networkMode. Registry: ${A}`],
    ['#38', 'host with an A+SRV registry', requests.ec2({ taskDefinition: 'hostweb', serviceRegistries: [entry(BOTH, pair())] }),
      `The SRV record is the only supported DNS record type for the 'host' or 'bridge' networkMode. Registry: ${BOTH}`],
    ['#39', 'bridge: a port the container does not map', requests.ec2({ serviceRegistries: [entry(SRV, pair('web', 8080))] }),
      `The container web does not have a containerPort 8080 in its port mappings. Registry: ${SRV}`],
    ['#39', 'awsvpc: a container the task definition lacks', requests.vpc({ serviceRegistries: [entry(SRV, pair('api', 80))] }),
      `The container api does not have a containerPort 80 in its port mappings. Registry: ${SRV}`],
    ['#40', 'awsvpc SRV with both port and a container pair', requests.vpc({ serviceRegistries: [entry(SRV, { port: 80, ...pair() })] }),
      `When specifying 'awsvpc' for networkMode with an SRV record, specify either 'port' or 'containerName' and 'containerPort', but not both. Registry: ${SRV}`],
    ['#40', 'awsvpc SRV with neither', requests.vpc({ serviceRegistries: [entry(SRV)] }),
      `When specifying 'awsvpc' for networkMode with an SRV record, specify either 'port' or 'containerName' and 'containerPort', but not both. Registry: ${SRV}`],
    ['#40', 'awsvpc A+SRV with containerName only', requests.vpc({ serviceRegistries: [entry(BOTH, { containerName: 'web' })] }),
      `When specifying 'awsvpc' for networkMode with an SRV record, specify either 'port' or 'containerName' and 'containerPort', but not both. Registry: ${BOTH}`],
    ['#41', 'awsvpc A-only with a container pair', requests.vpc({ serviceRegistries: [entry(A, pair())] }),
      "The values specified for serviceRegistries do not require a value for 'containerPort'. Remove the value and retry."],
    ['#41', 'awsvpc A-only with a port', requests.vpc({ serviceRegistries: [entry(A, { port: 80 })] }),
      'A port was provided but is not required by the specified service registry'],
    ['#42', "networkMode 'none'", requests.ec2({ taskDefinition: 'none', serviceRegistries: [entry(A)] }),
      "Service discovery is not supported for the 'none' networkMode."],
    ['#43', 'FARGATE 1.0.0', requests.fargate({ platformVersion: '1.0.0', serviceRegistries: [entry(A)] }),
      'Service discovery requires Fargate platform version 1.1.0 or later.'],
    ['#44', 'with a Classic Load Balancer', requests.ec2({
      loadBalancers: [{ loadBalancerName: 'my-elb', containerName: 'web', containerPort: 80 }], serviceRegistries: [entry(SRV, pair())],
    }), 'Service discovery does not support Classic Load Balancers.'],
  ])('%s %s', (_, __, input, message) => {
    const e = aServiceWorld().s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([ipe, message]);
  });

  it.each([
    ['bridge, SRV, container pair', requests.ec2({ serviceRegistries: [entry(SRV, pair())] })],
    ['host, SRV, container pair', requests.ec2({ taskDefinition: 'hostweb', serviceRegistries: [entry(SRV, pair())] })],
    ['awsvpc, A only, nothing else', requests.vpc({ serviceRegistries: [entry(A)] })],
    ['awsvpc, SRV with port', requests.vpc({ serviceRegistries: [entry(SRV, { port: 8080 })] })],
    ['awsvpc, A+SRV with a container pair', requests.vpc({ serviceRegistries: [entry(BOTH, pair())] })],
    ['FARGATE LATEST (= 1.1.0, D43)', requests.fargate({ serviceRegistries: [entry(A)] })],
    ['FARGATE 1.1.0', requests.fargate({ platformVersion: '1.1.0', serviceRegistries: [entry(SRV, pair())] })],
    ['with an ALB target group', requests.ec2({
      loadBalancers: [{ targetGroupArn: w.tg.instance, containerName: 'web', containerPort: 80 }], serviceRegistries: [entry(SRV, pair())],
    })],
  ])('accepts %s and echoes the entry', (_, input) => {
    const service = aServiceWorld().s.ecs('CreateService', input).service;
    expect(service.serviceRegistries).toEqual((input as { serviceRegistries: unknown[] }).serviceRegistries);
  });
});

// The service editor's state and the CreateService / UpdateService requests it stands for (2018 model:
// CreateServiceRequest and UpdateServiceRequest). Pure: no DOM, so test/web/editors can check it.
import type { CreateServiceRequest, NetworkConfiguration, UpdateServiceRequest } from './aws-shapes.ts';
import { arr, defined, fromInteger, fromList, integerProblem, isRecord, optional, str, toInteger, toList } from './form-values.ts';
import {
  constraintRows, constraintToRequest, strategyRows, strategyToRequest, type ConstraintRow, type StrategyRow,
} from './placement-form.ts';

export interface LoadBalancerRow { targetGroupArn: string; loadBalancerName: string; containerName: string; containerPort: string }
export interface RegistryRow { registryArn: string; containerName: string; containerPort: string; port: string }

export interface ServiceForm {
  cluster: string;
  serviceName: string;
  /** `family`, `family:revision` or an ARN (semantics 2.2). */
  taskDefinition: string;
  desiredCount: string;
  /** '' = omitted (EC2, 2.3). */
  launchType: string;
  platformVersion: string;
  role: string;
  clientToken: string;
  /** '' = the API default (200 / 100, 2.3). */
  maximumPercent: string;
  minimumHealthyPercent: string;
  placementConstraints: ConstraintRow[];
  placementStrategy: StrategyRow[];
  loadBalancers: LoadBalancerRow[];
  serviceRegistries: RegistryRow[];
  /** Whether networkConfiguration.awsvpcConfiguration is sent. */
  awsvpc: boolean;
  subnets: string;
  securityGroups: string;
  /** '' = omitted (DISABLED, 2.3). */
  assignPublicIp: string;
  healthCheckGracePeriodSeconds: string;
  /** UpdateService only. */
  forceNewDeployment: boolean;
  /** Top-level request members the form does not edit (D1): kept and sent as they are. */
  extra: Record<string, unknown>;
}

export function emptyServiceForm(cluster = 'default'): ServiceForm {
  return {
    cluster, serviceName: '', taskDefinition: '', desiredCount: '1', launchType: '', platformVersion: '', role: '', clientToken: '',
    maximumPercent: '', minimumHealthyPercent: '', placementConstraints: [], placementStrategy: [], loadBalancers: [],
    serviceRegistries: [], awsvpc: false, subnets: '', securityGroups: '', assignPublicIp: '', healthCheckGracePeriodSeconds: '',
    forceNewDeployment: false, extra: {},
  };
}

const CREATE_MEMBERS = [
  'cluster', 'serviceName', 'taskDefinition', 'loadBalancers', 'serviceRegistries', 'desiredCount', 'clientToken', 'launchType',
  'platformVersion', 'role', 'deploymentConfiguration', 'placementConstraints', 'placementStrategy', 'networkConfiguration',
  'healthCheckGracePeriodSeconds',
];
const UPDATE_MEMBERS = [
  'cluster', 'service', 'desiredCount', 'taskDefinition', 'deploymentConfiguration', 'networkConfiguration', 'platformVersion',
  'forceNewDeployment', 'healthCheckGracePeriodSeconds',
];
/** The members an existing service can change (2018 UpdateServiceRequest); the others are read-only. */
export const UPDATABLE_FIELDS: ReadonlySet<string> = new Set([
  'desiredCount', 'taskDefinition', 'maximumPercent', 'minimumHealthyPercent', 'awsvpc', 'subnets', 'securityGroups', 'assignPublicIp',
  'platformVersion', 'forceNewDeployment', 'healthCheckGracePeriodSeconds',
]);

function deploymentConfiguration(form: ServiceForm) {
  const dc = defined({ maximumPercent: toInteger(form.maximumPercent), minimumHealthyPercent: toInteger(form.minimumHealthyPercent) });
  return Object.keys(dc).length ? dc : undefined;
}

function networkConfiguration(form: ServiceForm): NetworkConfiguration | undefined {
  if (!form.awsvpc) return undefined;
  const groups = toList(form.securityGroups);
  return {
    awsvpcConfiguration: defined({
      subnets: toList(form.subnets),
      securityGroups: groups.length ? groups : undefined,
      assignPublicIp: optional(form.assignPublicIp),
    }) as NetworkConfiguration['awsvpcConfiguration'],
  };
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);

/** The CreateService request of a new-service form, members in model order, unset members absent. */
export function createServiceRequest(form: ServiceForm): CreateServiceRequest {
  return {
    ...defined({
      cluster: optional(form.cluster),
      serviceName: form.serviceName.trim(),
      taskDefinition: form.taskDefinition.trim(),
      loadBalancers: nonEmpty(form.loadBalancers.map((lb) => defined({
        targetGroupArn: optional(lb.targetGroupArn), loadBalancerName: optional(lb.loadBalancerName),
        containerName: optional(lb.containerName), containerPort: toInteger(lb.containerPort),
      }))),
      serviceRegistries: nonEmpty(form.serviceRegistries.map((r) => defined({
        registryArn: optional(r.registryArn), port: toInteger(r.port), containerName: optional(r.containerName), containerPort: toInteger(r.containerPort),
      }))),
      desiredCount: toInteger(form.desiredCount),
      clientToken: optional(form.clientToken),
      launchType: optional(form.launchType),
      platformVersion: optional(form.platformVersion),
      role: optional(form.role),
      deploymentConfiguration: deploymentConfiguration(form),
      placementConstraints: nonEmpty(form.placementConstraints.map(constraintToRequest)),
      placementStrategy: nonEmpty(form.placementStrategy.map(strategyToRequest)),
      networkConfiguration: networkConfiguration(form),
      healthCheckGracePeriodSeconds: toInteger(form.healthCheckGracePeriodSeconds),
    }),
    ...form.extra,
  } as CreateServiceRequest;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The UpdateService request for an existing service: `cluster` and `service`, then only the updatable
 * members that differ from `original` (an unchanged member is left out, so it changes nothing, 9.6),
 * and `forceNewDeployment` when ticked. A partial deploymentConfiguration is merged by the API (9.6).
 */
export function updateServiceRequest(form: ServiceForm, original: ServiceForm): UpdateServiceRequest {
  const dcNow = deploymentConfiguration(form) ?? {};
  const dcBefore = deploymentConfiguration(original) ?? {};
  const dcChanged = defined({
    maximumPercent: same(dcNow.maximumPercent, dcBefore.maximumPercent) ? undefined : dcNow.maximumPercent,
    minimumHealthyPercent: same(dcNow.minimumHealthyPercent, dcBefore.minimumHealthyPercent) ? undefined : dcNow.minimumHealthyPercent,
  });
  const network = networkConfiguration(form);
  const changed = <T>(now: T, before: T) => (same(now, before) ? undefined : now);
  return {
    ...defined({
      cluster: optional(form.cluster),
      service: form.serviceName.trim(),
      desiredCount: changed(toInteger(form.desiredCount), toInteger(original.desiredCount)),
      taskDefinition: changed(optional(form.taskDefinition), optional(original.taskDefinition)),
      deploymentConfiguration: Object.keys(dcChanged).length ? dcChanged : undefined,
      networkConfiguration: changed(network, networkConfiguration(original)),
      platformVersion: changed(optional(form.platformVersion), optional(original.platformVersion)),
      forceNewDeployment: form.forceNewDeployment ? true : undefined,
      healthCheckGracePeriodSeconds: changed(toInteger(form.healthCheckGracePeriodSeconds), toInteger(original.healthCheckGracePeriodSeconds)),
    }),
    ...form.extra,
  } as UpdateServiceRequest;
}

function readNetwork(value: unknown): Pick<ServiceForm, 'awsvpc' | 'subnets' | 'securityGroups' | 'assignPublicIp'> {
  const vpc = isRecord(value) && isRecord(value.awsvpcConfiguration) ? value.awsvpcConfiguration : undefined;
  return {
    awsvpc: vpc !== undefined,
    subnets: fromList(arr(vpc?.subnets).map(str)),
    securityGroups: fromList(arr(vpc?.securityGroups).map(str)),
    assignPublicIp: str(vpc?.assignPublicIp),
  };
}

function readDeploymentConfiguration(value: unknown): Pick<ServiceForm, 'maximumPercent' | 'minimumHealthyPercent'> {
  const dc = isRecord(value) ? value : {};
  return { maximumPercent: fromInteger(dc.maximumPercent), minimumHealthyPercent: fromInteger(dc.minimumHealthyPercent) };
}

const extraOf = (json: Record<string, unknown>, known: readonly string[]) =>
  Object.fromEntries(Object.entries(json).filter(([k]) => !known.includes(k)));

/** A CreateService request (the JSON tab) as form state. */
export function serviceFormFromCreateRequest(json: Record<string, unknown>): ServiceForm {
  return {
    cluster: str(json.cluster),
    serviceName: str(json.serviceName),
    taskDefinition: str(json.taskDefinition),
    desiredCount: fromInteger(json.desiredCount),
    launchType: str(json.launchType),
    platformVersion: str(json.platformVersion),
    role: str(json.role),
    clientToken: str(json.clientToken),
    ...readDeploymentConfiguration(json.deploymentConfiguration),
    placementConstraints: constraintRows(json.placementConstraints),
    placementStrategy: strategyRows(json.placementStrategy),
    loadBalancers: arr(json.loadBalancers).filter(isRecord).map((lb) => ({
      targetGroupArn: str(lb.targetGroupArn), loadBalancerName: str(lb.loadBalancerName),
      containerName: str(lb.containerName), containerPort: fromInteger(lb.containerPort),
    })),
    serviceRegistries: arr(json.serviceRegistries).filter(isRecord).map((r) => ({
      registryArn: str(r.registryArn), containerName: str(r.containerName), containerPort: fromInteger(r.containerPort), port: fromInteger(r.port),
    })),
    ...readNetwork(json.networkConfiguration),
    healthCheckGracePeriodSeconds: fromInteger(json.healthCheckGracePeriodSeconds),
    forceNewDeployment: false,
    extra: extraOf(json, CREATE_MEMBERS),
  };
}

/** An UpdateService request (the JSON tab) over the service's current form: members it names win. */
export function serviceFormFromUpdateRequest(json: Record<string, unknown>, original: ServiceForm): ServiceForm {
  const has = (k: string) => Object.hasOwn(json, k) && json[k] !== null;
  const dc = isRecord(json.deploymentConfiguration) ? json.deploymentConfiguration : {};
  return {
    ...original,
    cluster: has('cluster') ? str(json.cluster) : original.cluster,
    serviceName: has('service') ? str(json.service) : original.serviceName,
    desiredCount: has('desiredCount') ? fromInteger(json.desiredCount) : original.desiredCount,
    taskDefinition: has('taskDefinition') ? str(json.taskDefinition) : original.taskDefinition,
    maximumPercent: 'maximumPercent' in dc ? fromInteger(dc.maximumPercent) : original.maximumPercent,
    minimumHealthyPercent: 'minimumHealthyPercent' in dc ? fromInteger(dc.minimumHealthyPercent) : original.minimumHealthyPercent,
    ...(has('networkConfiguration') ? readNetwork(json.networkConfiguration) : {}),
    platformVersion: has('platformVersion') ? str(json.platformVersion) : original.platformVersion,
    forceNewDeployment: json.forceNewDeployment === true,
    healthCheckGracePeriodSeconds: has('healthCheckGracePeriodSeconds') ? fromInteger(json.healthCheckGracePeriodSeconds) : original.healthCheckGracePeriodSeconds,
    extra: extraOf(json, UPDATE_MEMBERS),
  };
}

/** `…:cluster/demo` → `demo`; `…:task-definition/web:3` → `web:3`. */
export const lastSegment = (arn: string | undefined): string => (arn ?? '').slice((arn ?? '').lastIndexOf('/') + 1);

/** A service as DescribeServices returns it (API18 `Service`), as the form of its editor. */
export function serviceFormFromService(service: Record<string, unknown>): ServiceForm {
  const form = serviceFormFromCreateRequest({
    ...service,
    cluster: lastSegment(str(service.clusterArn)),
    taskDefinition: lastSegment(str(service.taskDefinition)),
    role: str(service.roleArn),
  });
  return { ...form, clientToken: '', extra: {} };
}

/** The form's own problems (whole numbers), keyed by request path; the API checks everything else. */
export function serviceFormProblems(form: ServiceForm): Record<string, string> {
  const out: Record<string, string> = {};
  const check = (path: string, text: string) => {
    const p = integerProblem(text);
    if (p) out[path] = p;
  };
  check('desiredCount', form.desiredCount);
  check('deploymentConfiguration.maximumPercent', form.maximumPercent);
  check('deploymentConfiguration.minimumHealthyPercent', form.minimumHealthyPercent);
  check('healthCheckGracePeriodSeconds', form.healthCheckGracePeriodSeconds);
  form.loadBalancers.forEach((lb, i) => check(`loadBalancers[${i}].containerPort`, lb.containerPort));
  form.serviceRegistries.forEach((r, i) => {
    check(`serviceRegistries[${i}].containerPort`, r.containerPort);
    check(`serviceRegistries[${i}].port`, r.port);
  });
  return out;
}

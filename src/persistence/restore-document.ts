// Turns any JSON (an imported scenario, a value read back from IndexedDB) into a valid current
// document, or says precisely why it cannot: excalidraw's restore.ts, for the sandbox document.
//   - migrate: schemaVersion must be a positive integer; older versions run migrations.ts, newer
//     ones are refused;
//   - fill defaults: a member that is absent (or null) takes the value a new document has;
//   - drop junk: unknown members of the document and of its regions, and list entries that are not
//     objects, are left out;
//   - validate references: every cluster, task definition, container instance, subnet, target group,
//     namespace, registry, task and service a record names must exist in the same region;
// and never throws: the answer is `{ok: false, path, problem}` with a sentence for the user.
// Records whose shape other modules own (task definitions, container instances, services, tasks,
// load balancer targets, task behaviours) keep the members this file does not check, so a round
// trip loses nothing; the scheduler's members of them (schema v2) are checked when present.
import type { ClusterRecord, SubnetRecord, TargetGroupRecord } from '../domain/records.ts';
import type { RegionState, SandboxDocument } from '../domain/sandbox-document.ts';
import { DEFAULT_ACCOUNT_ID, DEFAULT_START_MS, DOCUMENT_SCHEMA_VERSION } from '../domain/sandbox-document.ts';
import type {
  DiscoveryOperationRecord, NamespaceRecord, RegistryInstanceRecord, RegistryServiceRecord,
} from '../domain/discovery-records.ts';
import {
  ACCOUNT_ID, REGION_NAME, SECURITY_GROUP_ID, SUBNET_ID, isAvailabilityZoneOf, networkOf,
  parseLoadBalancerArn, parseSubnetCidr, parseTargetGroupArn,
} from '../domain/resource-ids.ts';
import { seedStreams, type RandomState } from '../shared/xoshiro128.ts';
import { parseEcsArn, taskDefinitionArn, type ArnScope } from '../domain/arns.ts';
import { SANDBOX } from '../messages.ts';
import { newDocument, newRegion } from '../domain/new-document.ts';
import { NAMESPACE_ID, SERVICE_ID, namespaceArn, registryServiceArn } from '../domain/discovery-arns.ts';
import { migrateDocument } from './migrations.ts';
import { internValue } from '../domain/intern-value.ts';

export type RestoreResult =
  | { ok: true; document: SandboxDocument; /** Migrations applied, oldest first. */ migrations: string[] }
  | { ok: false; path: string; problem: string };

const S = SANDBOX.scenario;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const U32 = 0xffffffff;

type Obj = Record<string, unknown>;

class RestoreFailure {
  constructor(readonly path: string, readonly problem: string) {}
}

const fail = (path: string, problem: string): never => {
  throw new RestoreFailure(path, problem);
};

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const at = (path: string, key: string) => `${path}.${key}`;
/** JSON null means absent, as it does on the wire. */
const get = (o: Obj, key: string): unknown => (o[key] === null ? undefined : o[key]);
/** The members of `o` that are not null: what a pass-through record keeps. */
const withoutNulls = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

// ── Field readers: each returns the checked value, its default, or fails with the field's path ──

function str(o: Obj, path: string, key: string, opts: { dflt?: string; pattern?: RegExp; what?: string } = {}): string {
  const v = get(o, key);
  if (v === undefined) return opts.dflt ?? fail(at(path, key), S.missing);
  if (typeof v !== 'string') return fail(at(path, key), S.mustBe('a string'));
  if (opts.pattern && !opts.pattern.test(v)) return fail(at(path, key), S.mustBe(opts.what ?? 'a valid identifier'));
  return v;
}

function optStr(o: Obj, path: string, key: string, pattern?: RegExp, what?: string): string | undefined {
  return get(o, key) === undefined ? undefined : str(o, path, key, { pattern, what });
}

function num(o: Obj, path: string, key: string, opts: { dflt?: number; min?: number; max?: number; integer?: boolean } = {}): number {
  const v = get(o, key);
  if (v === undefined) return opts.dflt ?? fail(at(path, key), S.missing);
  const { min = -Infinity, max = Infinity, integer = false } = opts;
  const ok = typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isSafeInteger(v)) && v >= min && v <= max;
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    const range = min > -Infinity && max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` of at least ${min}` : '';
    fail(at(path, key), S.mustBe(kind + range));
  }
  return v as number;
}

/** An optional number: undefined when absent, checked when present. */
function optNum(o: Obj, path: string, key: string, opts: { min?: number; max?: number; integer?: boolean }): number | undefined {
  return get(o, key) === undefined ? undefined : num(o, path, key, opts);
}

/** Epoch milliseconds: a non-negative integer. */
const time = (o: Obj, path: string, key: string, dflt: number) => num(o, path, key, { dflt, min: 0, integer: true });
/** An optional time: undefined when absent. */
const optTime = (o: Obj, path: string, key: string) => optNum(o, path, key, { min: 0, integer: true });

function bool(o: Obj, path: string, key: string, dflt: boolean): boolean {
  const v = get(o, key);
  if (v === undefined) return dflt;
  return typeof v === 'boolean' ? v : fail(at(path, key), S.mustBe('true or false'));
}

function oneOf<T extends string>(o: Obj, path: string, key: string, values: readonly T[], dflt?: T): T {
  const v = get(o, key);
  if (v === undefined) return dflt ?? fail(at(path, key), S.missing);
  return values.includes(v as T) ? (v as T) : fail(at(path, key), S.mustBe(`one of [${values.join(', ')}]`));
}

function obj(o: Obj, path: string, key: string, dflt?: () => Obj): Obj {
  const v = get(o, key);
  if (v === undefined) return dflt ? dflt() : fail(at(path, key), S.missing);
  return isObj(v) ? v : fail(at(path, key), S.notObject);
}

function array(o: Obj, path: string, key: string): unknown[] {
  const v = get(o, key);
  if (v === undefined) return [];
  return Array.isArray(v) ? v : fail(at(path, key), S.mustBe('a list'));
}

/** The object entries of a list with their paths; entries that are not objects are junk and dropped. */
function records(o: Obj, path: string, key: string): [Obj, string][] {
  return array(o, path, key).flatMap((v, i): [Obj, string][] => (isObj(v) ? [[v, `${path}.${key}[${i}]`]] : []));
}

function strings(o: Obj, path: string, key: string): string[] {
  const list = array(o, path, key);
  list.forEach((v, i) => typeof v === 'string' || fail(`${path}.${key}[${i}]`, S.mustBe('a string')));
  return list as string[];
}

function unique(seen: Set<string>, id: string, path: string, kind: string): void {
  if (seen.has(id)) fail(path, S.duplicate(kind, id));
  seen.add(id);
}

function requireRef(known: { has(id: string): boolean }, id: string, path: string, kind: string): void {
  if (!known.has(id)) fail(path, S.unknownReference(kind, id));
}

/** Same JSON kind: how a member this file does not know yet is kept (see restoreRegion). */
function sameKind(a: unknown, b: unknown): boolean {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  return kind(a) === kind(b);
}

// ── The document ────────────────────────────────────────────────────────────────────────────────

export function restoreDocument(raw: unknown, root = 'scenario'): RestoreResult {
  try {
    return restore(raw, root);
  } catch (error) {
    if (error instanceof RestoreFailure) return { ok: false, path: error.path, problem: error.problem };
    return { ok: false, path: root, problem: S.unreadable(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * structuredClone for the JSON a document is (about 4× faster on 5,000 tasks): plain objects and
 * arrays are copied member by member, anything else (and any hole in an array) by structuredClone.
 */
function copyJson<T>(value: T): T {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')) return value;
  if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return structuredClone(value);
      out[i] = copyJson(value[i]);
    }
    return out as T;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Obj = {};
  for (const key of Object.keys(value)) {
    // an own `__proto__` (JSON.parse makes one) stays a member, as structuredClone keeps it
    if (key === '__proto__') Object.defineProperty(out, key, { value: copyJson((value as Obj)[key]), enumerable: true, writable: true, configurable: true });
    else out[key] = copyJson((value as Obj)[key]);
  }
  return out as T;
}

function restore(raw: unknown, root: string): RestoreResult {
  if (!isObj(raw)) fail(root, S.notObject);
  const input = copyJson(raw as Obj);
  const version = get(input, 'schemaVersion');
  if (version === undefined) fail(at(root, 'schemaVersion'), S.missing);
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    fail(at(root, 'schemaVersion'), S.mustBe('a positive integer'));
  }
  const migrated = migrateDocument(input, version as number);
  if (!migrated.ok) {
    fail(at(root, 'schemaVersion'), migrated.reason === 'future'
      ? S.futureVersion(migrated.version, DOCUMENT_SCHEMA_VERSION)
      : S.noMigration(migrated.version));
  }
  const src = (migrated as { document: Obj }).document;

  const seed = num(src, root, 'seed', { dflt: 1, min: 0, max: U32, integer: true });
  const accountId = str(src, root, 'accountId', { dflt: DEFAULT_ACCOUNT_ID, pattern: ACCOUNT_ID, what: '12 digits' });
  const startedAt = time(src, root, 'startedAt', DEFAULT_START_MS);
  const base = newDocument({ seed, accountId, startedAt });

  const clockPath = at(root, 'clock');
  const clock = obj(src, root, 'clock', () => ({}));
  base.clock = {
    mode: oneOf(clock, clockPath, 'mode', ['manual', 'realtime'] as const, 'manual'),
    speed: num(clock, clockPath, 'speed', { dflt: 1, min: 0 }) || fail(at(clockPath, 'speed'), S.mustBe('a number greater than 0')),
    nowMs: num(clock, clockPath, 'nowMs', { dflt: startedAt, min: startedAt, integer: true }),
  };

  // The streams' saved state is what makes a replay exact; a document without it starts them from its seed.
  if (get(src, 'random') !== undefined) {
    const randomPath = at(root, 'random');
    const random = obj(src, root, 'random');
    base.random = { placement: stream(random, randomPath, 'placement'), ids: stream(random, randomPath, 'ids') };
  } else {
    base.random = seedStreams(seed);
  }

  const regionsPath = at(root, 'regions');
  const regions = obj(src, root, 'regions', () => ({}));
  for (const [name, value] of Object.entries(regions)) {
    const path = at(regionsPath, name);
    if (!REGION_NAME.test(name)) fail(path, S.badRegion);
    if (value === null) continue;
    if (!isObj(value)) fail(path, S.notObject);
    base.regions[name] = restoreRegion(value as Obj, path, { region: name, accountId }, startedAt);
  }

  // Members a newer ecs-sandbox added to new documents but this file does not check yet.
  keepUnknownMembers(base as unknown as Obj, src, ['schemaVersion', 'seed', 'accountId', 'startedAt', 'clock', 'random', 'regions']);
  return { ok: true, document: base, migrations: (migrated as { applied: string[] }).applied };
}

/** For each member of `defaults` not in `handled`, keeps the source's value when it is of the same JSON kind. */
export function keepUnknownMembers(defaults: Obj, src: Obj, handled: readonly string[]): void {
  for (const key of Object.keys(defaults)) {
    if (handled.includes(key)) continue;
    const v = get(src, key);
    if (v !== undefined && sameKind(v, defaults[key])) defaults[key] = v;
  }
}

function stream(o: Obj, path: string, key: string): RandomState {
  const p = at(path, key);
  const v = get(o, key);
  const ok = Array.isArray(v) && v.length === 4 && v.every((x) => Number.isInteger(x) && x >= 0 && x <= U32) &&
    v.some((x) => x !== 0); // xoshiro's state must not be all zeros
  if (!ok) fail(p, S.mustBe('four unsigned 32-bit integers, not all zero'));
  return [...(v as number[])] as RandomState;
}

// ── A region ────────────────────────────────────────────────────────────────────────────────────

function restoreRegion(src: Obj, path: string, scope: ArnScope, startedAt: number): RegionState {
  const state = newRegion(startedAt);

  // Clusters: absent means the new region's `default` (D4).
  if (get(src, 'clusters') !== undefined) {
    const seen = new Set<string>();
    state.clusters = records(src, path, 'clusters').map(([c, p]): ClusterRecord => {
      const clusterName = str(c, p, 'clusterName', { pattern: NAME, what: 'a cluster name' });
      unique(seen, clusterName, at(p, 'clusterName'), 'cluster');
      return { clusterName, status: oneOf(c, p, 'status', ['ACTIVE', 'INACTIVE'] as const, 'ACTIVE'), createdAt: time(c, p, 'createdAt', startedAt) };
    });
  }
  const clusters = new Set(state.clusters.map((c) => c.clusterName));

  // Declared EC2 and ELB resources.
  const subnetIds = new Set<string>();
  state.subnets = records(src, path, 'subnets').map(([s, p]): SubnetRecord => {
    const subnetId = str(s, p, 'subnetId', { pattern: SUBNET_ID, what: 'a subnet id such as subnet-0a1b2c3d' });
    unique(subnetIds, subnetId, at(p, 'subnetId'), 'subnet');
    const availabilityZone = str(s, p, 'availabilityZone');
    if (!isAvailabilityZoneOf(availabilityZone, scope.region)) fail(at(p, 'availabilityZone'), S.mustBe(`an availability zone of ${scope.region}`));
    const cidrBlock = optStr(s, p, 'cidrBlock');
    if (cidrBlock !== undefined) {
      const cidr = parseSubnetCidr(cidrBlock);
      if (!cidr || networkOf(cidr) !== cidr.address) fail(at(p, 'cidrBlock'), S.mustBe('an IPv4 network from /16 to /28'));
    }
    return { subnetId, availabilityZone, ...(cidrBlock !== undefined ? { cidrBlock } : {}) };
  });
  const groupIds = new Set<string>();
  state.securityGroups = records(src, path, 'securityGroups').map(([g, p]) => {
    const groupId = str(g, p, 'groupId', { pattern: SECURITY_GROUP_ID, what: 'a security group id such as sg-0a1b2c3d' });
    unique(groupIds, groupId, at(p, 'groupId'), 'security group');
    return { groupId };
  });
  const targetGroupArns = new Set<string>();
  state.targetGroups = records(src, path, 'targetGroups').map(([g, p]): TargetGroupRecord => {
    const targetGroupArn = str(g, p, 'targetGroupArn');
    const parsed = parseTargetGroupArn(targetGroupArn);
    if (!parsed || parsed.region !== scope.region || parsed.accountId !== scope.accountId) {
      fail(at(p, 'targetGroupArn'), S.mustBe(`a target group ARN of ${scope.region} and account ${scope.accountId}`));
    }
    unique(targetGroupArns, targetGroupArn, at(p, 'targetGroupArn'), 'target group');
    const loadBalancerArns = strings(g, p, 'loadBalancerArns');
    loadBalancerArns.forEach((lb, i) => parseLoadBalancerArn(lb) || fail(`${p}.loadBalancerArns[${i}]`, S.mustBe('a load balancer ARN')));
    const port = get(g, 'port') === undefined ? undefined : num(g, p, 'port', { min: 1, max: 65535, integer: true });
    const protocol = get(g, 'protocol') === undefined ? undefined : oneOf(g, p, 'protocol', ['HTTP', 'HTTPS', 'TCP']);
    // Health checks and draining (semantics 13), within ELBv2's limits of the time.
    const healthCheckIntervalSeconds = optNum(g, p, 'healthCheckIntervalSeconds', { min: 5, max: 300, integer: true });
    const healthyThresholdCount = optNum(g, p, 'healthyThresholdCount', { min: 2, max: 10, integer: true });
    const unhealthyThresholdCount = optNum(g, p, 'unhealthyThresholdCount', { min: 2, max: 10, integer: true });
    const deregistrationDelaySeconds = optNum(g, p, 'deregistrationDelaySeconds', { min: 0, max: 3600, integer: true });
    return {
      targetGroupArn, targetType: oneOf(g, p, 'targetType', ['instance', 'ip'] as const), loadBalancerArns,
      ...(port !== undefined ? { port } : {}), ...(protocol !== undefined ? { protocol } : {}),
      ...(healthCheckIntervalSeconds !== undefined ? { healthCheckIntervalSeconds } : {}),
      ...(healthyThresholdCount !== undefined ? { healthyThresholdCount } : {}),
      ...(unhealthyThresholdCount !== undefined ? { unhealthyThresholdCount } : {}),
      ...(deregistrationDelaySeconds !== undefined ? { deregistrationDelaySeconds } : {}),
    };
  });
  const iam = obj(src, path, 'iam', () => ({}));
  state.iam = { serviceLinkedRoleExists: bool(iam, at(path, 'iam'), 'serviceLinkedRoleExists', true) };

  // Route 53 Auto Naming, before ECS services, which name its registries.
  const discovery = obj(src, path, 'discovery', () => ({}));
  state.discovery = restoreDiscovery(discovery, at(path, 'discovery'), scope, startedAt);
  const registryArns = new Set(state.discovery.services.map((s) => s.arn));

  // Task definitions: the stored definition is the API shape; identity is family:revision.
  const taskDefinitionArns = new Set<string>();
  state.taskDefinitions = records(src, path, 'taskDefinitions').map(([t, p]) => {
    const dp = at(p, 'definition');
    const definition = withoutNulls(obj(t, p, 'definition'));
    const family = str(definition, dp, 'family', { pattern: NAME, what: 'a task definition family' });
    const revision = num(definition, dp, 'revision', { min: 1, integer: true });
    const arn = taskDefinitionArn(scope, family, revision);
    unique(taskDefinitionArns, arn, dp, 'task definition');
    const status = oneOf(definition, dp, 'status', ['ACTIVE', 'INACTIVE'] as const, 'ACTIVE');
    const containerDefinitions = records(definition, dp, 'containerDefinitions').map(([c]) => c);
    return {
      ...withoutNulls(t),
      definition: { ...definition, taskDefinitionArn: arn, family, revision, status, containerDefinitions },
      registeredAt: time(t, p, 'registeredAt', startedAt),
    } as unknown as RegionState['taskDefinitions'][number];
  });

  // Container instances.
  const instanceIds = new Set<string>();
  const registrationIndexes = new Set<string>();
  let nextIndex = num(src, path, 'nextRegistrationIndex', { dflt: 0, min: 0, integer: true });
  state.containerInstances = records(src, path, 'containerInstances').map(([c, p]) => {
    const id = str(c, p, 'id', { pattern: /^\S+$/, what: 'a container instance id' });
    unique(instanceIds, id, at(p, 'id'), 'container instance');
    const clusterName = str(c, p, 'clusterName');
    requireRef(clusters, clusterName, at(p, 'clusterName'), 'cluster');
    const registrationIndex = num(c, p, 'registrationIndex', { min: 0, integer: true });
    unique(registrationIndexes, String(registrationIndex), at(p, 'registrationIndex'), 'registration index');
    nextIndex = Math.max(nextIndex, registrationIndex + 1);
    const subnetId = optStr(c, p, 'subnetId');
    if (subnetId !== undefined) requireRef(subnetIds, subnetId, at(p, 'subnetId'), 'subnet');
    optTime(c, p, 'agentReconnectAt');
    return {
      ...withoutNulls(c),
      id, clusterName, registrationIndex,
      ec2InstanceId: str(c, p, 'ec2InstanceId'),
      status: oneOf(c, p, 'status', ['ACTIVE', 'DRAINING', 'INACTIVE'] as const, 'ACTIVE'),
      agentConnected: bool(c, p, 'agentConnected', true),
      registeredAt: time(c, p, 'registeredAt', startedAt),
      version: num(c, p, 'version', { dflt: 1, min: 1, integer: true }),
      // equal lists are shared again, as registration shares them (src/domain/intern-value.ts)
      versionInfo: internValue(state, obj(c, p, 'versionInfo', () => ({}))),
      registeredResources: internValue(state, records(c, p, 'registeredResources').map(([r]) => r)),
      attributes: internValue(state, records(c, p, 'attributes').map(([a]) => a)),
    } as unknown as RegionState['containerInstances'][number];
  });
  state.nextRegistrationIndex = nextIndex;

  // Services, keyed by (cluster, name) (semantics 2.1).
  const serviceKeys = new Set<string>();
  state.services = records(src, path, 'services').map(([s, p]) => {
    const serviceName = str(s, p, 'serviceName', { pattern: NAME, what: 'a service name' });
    const clusterName = str(s, p, 'clusterName');
    requireRef(clusters, clusterName, at(p, 'clusterName'), 'cluster');
    unique(serviceKeys, `${clusterName}/${serviceName}`, at(p, 'serviceName'), 'service');
    const taskDefinition = str(s, p, 'taskDefinition');
    requireRef(taskDefinitionArns, taskDefinition, at(p, 'taskDefinition'), 'task definition');
    const launchType = oneOf(s, p, 'launchType', ['EC2', 'FARGATE'] as const, 'EC2');
    const loadBalancers = records(s, p, 'loadBalancers').map(([lb, lp]) => {
      const arn = optStr(lb, lp, 'targetGroupArn');
      if (arn !== undefined) requireRef(targetGroupArns, arn, at(lp, 'targetGroupArn'), 'target group');
      return withoutNulls(lb);
    });
    const serviceRegistries = records(s, p, 'serviceRegistries').map(([r, rp]) => {
      const arn = optStr(r, rp, 'registryArn');
      if (arn !== undefined) requireRef(registryArns, arn, at(rp, 'registryArn'), 'service registry');
      return withoutNulls(r);
    });
    const deploymentIds = new Set<string>();
    const deployments = records(s, p, 'deployments').map(([d, dp]) => {
      const id = str(d, dp, 'id');
      unique(deploymentIds, id, at(dp, 'id'), 'deployment');
      const deploymentTaskDefinition = str(d, dp, 'taskDefinition');
      requireRef(taskDefinitionArns, deploymentTaskDefinition, at(dp, 'taskDefinition'), 'task definition');
      const createdAt = time(d, dp, 'createdAt', startedAt);
      return {
        ...withoutNulls(d),
        id, taskDefinition: deploymentTaskDefinition, createdAt,
        status: oneOf(d, dp, 'status', ['PRIMARY', 'ACTIVE', 'INACTIVE'] as const),
        desiredCount: num(d, dp, 'desiredCount', { dflt: 0, min: 0, integer: true }),
        updatedAt: time(d, dp, 'updatedAt', createdAt),
        launchType: oneOf(d, dp, 'launchType', ['EC2', 'FARGATE'] as const, launchType),
      };
    });
    const eventsOf = (key: string) => records(s, p, key).map(([e, ep]) => ({
      id: str(e, ep, 'id'), createdAt: time(e, ep, 'createdAt', startedAt), message: str(e, ep, 'message'),
    }));
    const events = eventsOf('events');
    // absent: the stored events are the whole log (what migration 2 does)
    const eventLog = get(s, 'eventLog') === undefined ? [...events].reverse() : eventsOf('eventLog');
    // 16.3: message → when last emitted. The keys are sentences, so their paths are quoted.
    const suppressedObj = withoutNulls(obj(s, p, 'suppressed', () => ({})));
    const suppressed = Object.fromEntries(Object.entries(suppressedObj).map(([message, when]) => {
      const ok = typeof when === 'number' && Number.isSafeInteger(when) && when >= 0;
      return [message, ok ? when : fail(`${p}.suppressed[${JSON.stringify(message)}]`, S.mustBe('an integer of at least 0'))];
    }));
    optTime(s, p, 'backoffUntil');
    optTime(s, p, 'steadyEventAt');
    optTime(s, p, 'targetsUnhealthyUntil');
    if (get(s, 'stuck') !== undefined) oneOf(s, p, 'stuck', ['CAPACITY', 'DEPLOYMENT_CONFIGURATION'] as const);
    const deploymentConfiguration = obj(s, p, 'deploymentConfiguration', () => ({ maximumPercent: 200, minimumHealthyPercent: 100 }));
    return {
      ...withoutNulls(s),
      serviceName, clusterName, taskDefinition, launchType, loadBalancers, serviceRegistries, deployments, events,
      eventLog, suppressed,
      startFailures: num(s, p, 'startFailures', { dflt: 0, min: 0, integer: true }),
      timeline: records(s, p, 'timeline').map(([sample]) => sample),
      status: oneOf(s, p, 'status', ['ACTIVE', 'DRAINING', 'INACTIVE'] as const, 'ACTIVE'),
      desiredCount: num(s, p, 'desiredCount', { dflt: 0, min: 0, integer: true }),
      deploymentConfiguration: {
        maximumPercent: num(deploymentConfiguration, at(p, 'deploymentConfiguration'), 'maximumPercent', { dflt: 200, min: 0, integer: true }),
        minimumHealthyPercent: num(deploymentConfiguration, at(p, 'deploymentConfiguration'), 'minimumHealthyPercent', { dflt: 100, min: 0, integer: true }),
      },
      placementConstraints: records(s, p, 'placementConstraints').map(([c]) => c),
      placementStrategy: records(s, p, 'placementStrategy').map(([c]) => c),
      createdAt: time(s, p, 'createdAt', startedAt),
      requestFingerprint: str(s, p, 'requestFingerprint', { dflt: '' }),
    } as unknown as RegionState['services'][number];
  });

  // Tasks.
  const taskIds = new Set<string>();
  state.tasks = records(src, path, 'tasks').map(([t, p]) => {
    const id = str(t, p, 'id', { pattern: /^\S+$/, what: 'a task id' });
    unique(taskIds, id, at(p, 'id'), 'task');
    const clusterName = str(t, p, 'clusterName');
    requireRef(clusters, clusterName, at(p, 'clusterName'), 'cluster');
    const taskDefinitionArnValue = str(t, p, 'taskDefinitionArn');
    requireRef(taskDefinitionArns, taskDefinitionArnValue, at(p, 'taskDefinitionArn'), 'task definition');
    const containerInstanceId = optStr(t, p, 'containerInstanceId');
    if (containerInstanceId !== undefined) requireRef(instanceIds, containerInstanceId, at(p, 'containerInstanceId'), 'container instance');
    const eni = get(t, 'eni');
    if (eni !== undefined) {
      const ep = at(p, 'eni');
      if (!isObj(eni)) fail(ep, S.notObject);
      requireRef(subnetIds, str(eni as Obj, ep, 'subnetId'), at(ep, 'subnetId'), 'subnet');
    }
    // The scheduler's next transition of the task and its stop sequence (semantics 3.1, 10).
    optTime(t, p, 'nextAt');
    if (get(t, 'stopPhase') !== undefined) oneOf(t, p, 'stopPhase', ['deregistering', 'exiting'] as const);
    return {
      ...withoutNulls(t),
      id, clusterName, taskDefinitionArn: taskDefinitionArnValue,
      group: str(t, p, 'group', { dflt: '' }),
      lastStatus: oneOf(t, p, 'lastStatus', ['PROVISIONING', 'PENDING', 'RUNNING', 'DEPROVISIONING', 'STOPPED'] as const),
      desiredStatus: oneOf(t, p, 'desiredStatus', ['RUNNING', 'STOPPED'] as const),
      launchType: oneOf(t, p, 'launchType', ['EC2', 'FARGATE'] as const, 'EC2'),
      createdAt: time(t, p, 'createdAt', startedAt),
      version: num(t, p, 'version', { dflt: 1, min: 1, integer: true }),
      hostPorts: records(t, p, 'hostPorts').map(([h]) => h),
    } as unknown as RegionState['tasks'][number];
  });

  // Load balancer targets of service tasks (semantics 13): of a task and a service of the region, in
  // a declared target group or a Classic load balancer (exactly one of the two).
  state.targets = records(src, path, 'targets').map(([t, p]) => {
    requireRef(taskIds, str(t, p, 'taskId'), at(p, 'taskId'), 'task');
    const clusterName = str(t, p, 'clusterName');
    requireRef(clusters, clusterName, at(p, 'clusterName'), 'cluster');
    requireRef(serviceKeys, `${clusterName}/${str(t, p, 'serviceName')}`, at(p, 'serviceName'), 'service');
    const targetGroupArn = optStr(t, p, 'targetGroupArn');
    if (targetGroupArn !== undefined) {
      requireRef(targetGroupArns, targetGroupArn, at(p, 'targetGroupArn'), 'target group');
      if (get(t, 'loadBalancerName') !== undefined) fail(at(p, 'loadBalancerName'), S.mustBe('absent when targetGroupArn is set'));
    } else {
      str(t, p, 'loadBalancerName');
    }
    optStr(t, p, 'reason');
    optTime(t, p, 'nextAt');
    return {
      ...withoutNulls(t),
      targetId: str(t, p, 'targetId'),
      port: num(t, p, 'port', { min: 1, max: 65535, integer: true }),
      state: oneOf(t, p, 'state', ['initial', 'healthy', 'unhealthy', 'draining'] as const),
      registeredAt: time(t, p, 'registeredAt', startedAt),
    } as unknown as RegionState['targets'][number];
  });

  // Task behaviours (3.2, 10, 11, 13, D46): one per task definition revision (full ARN) or family.
  const behaviourKeys = new Set<string>();
  state.taskBehaviours = records(src, path, 'taskBehaviours').map(([b, p]) => {
    const taskDefinition = str(b, p, 'taskDefinition');
    const arn = taskDefinition.startsWith('arn:') ? parseEcsArn(taskDefinition, 'task-definition') : undefined;
    const isFamily = !taskDefinition.startsWith('arn:') && NAME.test(taskDefinition);
    const isArn = arn !== undefined && arn.region === scope.region && arn.accountId === scope.accountId && /^[A-Za-z0-9_-]{1,255}:[1-9][0-9]*$/.test(arn.id);
    if (!isFamily && !isArn) {
      fail(at(p, 'taskDefinition'), S.mustBe(`a task definition family or a task definition ARN of ${scope.region} and account ${scope.accountId}`));
    }
    unique(behaviourKeys, taskDefinition, at(p, 'taskDefinition'), 'task behaviour');
    optNum(b, p, 'containerUnhealthyAfterSeconds', { min: 0 });
    optStr(b, p, 'startFailureReason');
    optStr(b, p, 'targetUnhealthyReason');
    return {
      ...withoutNulls(b),
      taskDefinition,
      startSeconds: num(b, p, 'startSeconds', { dflt: 10, min: 0 }),
      exitSeconds: num(b, p, 'exitSeconds', { dflt: 0, min: 0, max: 30 }),
    } as unknown as RegionState['taskBehaviours'][number];
  });

  keepUnknownMembers(state as unknown as Obj, src, [
    'clusters', 'subnets', 'securityGroups', 'targetGroups', 'iam', 'discovery', 'taskDefinitions',
    'containerInstances', 'nextRegistrationIndex', 'services', 'tasks', 'targets', 'taskBehaviours',
  ]);
  return state;
}

// ── Route 53 Auto Naming ────────────────────────────────────────────────────────────────────────

function restoreDiscovery(src: Obj, path: string, scope: ArnScope, startedAt: number): RegionState['discovery'] {
  const namespaceIds = new Set<string>();
  const namespaces = records(src, path, 'namespaces').map(([n, p]): NamespaceRecord => {
    const id = str(n, p, 'id', { pattern: NAMESPACE_ID, what: 'a namespace id such as ns-0123456789abcdef' });
    unique(namespaceIds, id, at(p, 'id'), 'namespace');
    const description = optStr(n, p, 'description');
    const vpc = optStr(n, p, 'vpc');
    const creatorRequestId = optStr(n, p, 'creatorRequestId');
    // In the order CreatePrivateDnsNamespace writes them, so an export restores byte for byte.
    return {
      id, arn: namespaceArn(scope, id), name: str(n, p, 'name'),
      type: oneOf(n, p, 'type', ['DNS_PRIVATE', 'DNS_PUBLIC'] as const, 'DNS_PRIVATE'),
      ...(description !== undefined ? { description } : {}), ...(vpc !== undefined ? { vpc } : {}),
      hostedZoneId: str(n, p, 'hostedZoneId'), createdAt: time(n, p, 'createdAt', startedAt),
      ...(creatorRequestId !== undefined ? { creatorRequestId } : {}),
    };
  });

  const serviceIds = new Set<string>();
  const services = records(src, path, 'services').map(([s, p]): RegistryServiceRecord => {
    const id = str(s, p, 'id', { pattern: SERVICE_ID, what: 'a service id such as srv-0123456789abcdef' });
    unique(serviceIds, id, at(p, 'id'), 'registry service');
    const namespaceId = str(s, p, 'namespaceId');
    requireRef(namespaceIds, namespaceId, at(p, 'namespaceId'), 'namespace');
    const dnsConfig = obj(s, p, 'dnsConfig');
    const dp = at(p, 'dnsConfig');
    return {
      ...(withoutNulls(s) as Partial<RegistryServiceRecord>),
      id, arn: registryServiceArn(scope, id), name: str(s, p, 'name'), namespaceId,
      dnsConfig: {
        ...withoutNulls(dnsConfig),
        DnsRecords: records(dnsConfig, dp, 'DnsRecords').map(([r, rp]) => ({
          Type: oneOf(r, rp, 'Type', ['SRV', 'A', 'AAAA', 'CNAME'] as const),
          TTL: num(r, rp, 'TTL', { min: 0, max: 2147483647, integer: true }),
        })),
      },
      createdAt: time(s, p, 'createdAt', startedAt),
    };
  });

  const operationIds = new Set<string>();
  const operations = records(src, path, 'operations').map(([o, p]): DiscoveryOperationRecord => {
    const id = str(o, p, 'id');
    unique(operationIds, id, at(p, 'id'), 'operation');
    const createdAt = time(o, p, 'createdAt', startedAt);
    const updatedAt = time(o, p, 'updatedAt', createdAt);
    const targets = obj(o, p, 'targets', () => ({}));
    Object.keys(targets).forEach((k) => str(targets, at(p, 'targets'), k));
    const pending = get(o, 'pending');
    if (pending !== undefined) {
      if (!isObj(pending)) fail(at(p, 'pending'), S.notObject);
      oneOf(pending as Obj, at(p, 'pending'), 'kind', ['createNamespace', 'deleteNamespace', 'registerInstance', 'deregisterInstance']);
    }
    return {
      ...(withoutNulls(o) as Partial<DiscoveryOperationRecord>),
      id, createdAt, updatedAt, targets: targets as Record<string, string>,
      type: oneOf(o, p, 'type', ['CREATE_NAMESPACE', 'DELETE_NAMESPACE', 'REGISTER_INSTANCE', 'DEREGISTER_INSTANCE'] as const),
      status: oneOf(o, p, 'status', ['SUBMITTED', 'PENDING', 'SUCCESS', 'FAIL'] as const),
      completesAt: time(o, p, 'completesAt', updatedAt),
    };
  });

  const instanceKeys = new Set<string>();
  const instances = records(src, path, 'instances').map(([i, p]): RegistryInstanceRecord => {
    const serviceId = str(i, p, 'serviceId');
    requireRef(serviceIds, serviceId, at(p, 'serviceId'), 'registry service');
    const instanceId = str(i, p, 'instanceId');
    unique(instanceKeys, `${serviceId}/${instanceId}`, at(p, 'instanceId'), 'instance');
    const attributes = obj(i, p, 'attributes', () => ({}));
    Object.keys(attributes).forEach((k) => str(attributes, at(p, 'attributes'), k));
    const creatorRequestId = optStr(i, p, 'creatorRequestId');
    return {
      serviceId, instanceId, attributes: attributes as Record<string, string>,
      healthStatus: oneOf(i, p, 'healthStatus', ['HEALTHY', 'UNHEALTHY', 'UNKNOWN'] as const, 'UNKNOWN'),
      registeredAt: time(i, p, 'registeredAt', startedAt),
      ...(creatorRequestId !== undefined ? { creatorRequestId } : {}),
    };
  });

  return { namespaces, services, operations, instances };
}

// The shape of a what-if request (what-if-types.ts), checked before anything runs. Unlike the AWS
// operations (D1), unknown members are refused: a what-if request is ecs-sandbox's own file format,
// and a misspelt `desiredCont` silently ignored would compare the wrong thing. Every error is
// InvalidParameterException `<JSON path>: <problem>` (WHATIF in src/messages.ts). What the scenario holds
// (services, clusters, instances) is checked when a variant's changes are applied (apply-changes.ts).
import { AwsError } from '../api/aws-error.ts';
import { MAX_ADVANCE_SECONDS } from '../engine/clock.ts';
import { WHATIF } from '../messages.ts';
import type { WhatIfChange, WhatIfRequest } from './what-if-types.ts';

/** At most this many variants (a comparison table, not a sweep). */
export const MAX_VARIANTS = 32;
/** At most this many seeds per variant. */
export const MAX_SEEDS = 100;
/** At most this many instances per addInstances. */
export const MAX_ADD_INSTANCES = 1_000;
export const DEFAULT_MAX_SECONDS = 3600;

export const CHANGE_KINDS = ['service', 'addInstances', 'removeInstances', 'fault', 'calls'] as const;
export const FAULT_KINDS = ['terminateInstance', 'disconnectAgent', 'failTasks', 'unhealthyTargets', 'terminateAvailabilityZone'] as const;

type Shape =
  | { t: 'string'; values?: readonly string[] }
  | { t: 'number' }
  | { t: 'integer' }
  | { t: 'any' }
  | { t: 'list'; of: Shape }
  | { t: 'object'; members: Record<string, Shape>; required?: readonly string[] };

const str = (values?: readonly string[]): Shape => ({ t: 'string', values });
const num: Shape = { t: 'number' };
const int: Shape = { t: 'integer' };
const any: Shape = { t: 'any' };
const listOf = (of: Shape): Shape => ({ t: 'list', of });
const obj = (members: Record<string, Shape>, required: readonly string[] = []): Shape => ({ t: 'object', members, required });

const CALL = obj({ target: str(), input: any, region: str(), as: str() }, ['target']);

const SERVICE_CHANGE = obj({
  service: str(),
  cluster: str(),
  placementStrategy: listOf(obj({ type: str(), field: str() }, ['type'])),
  placementConstraints: listOf(obj({ type: str(), expression: str() }, ['type'])),
  deploymentConfiguration: obj({ maximumPercent: int, minimumHealthyPercent: int }),
  desiredCount: int,
  taskDefinition: str(),
}, ['service']);

const CHANGE_SHAPES: Record<(typeof CHANGE_KINDS)[number], Shape> = {
  service: SERVICE_CHANGE,
  addInstances: obj({ addInstances: obj({ cluster: str(), instanceType: str(), availabilityZone: str(), count: int }, ['instanceType', 'availabilityZone', 'count']) }, ['addInstances']),
  removeInstances: obj({ removeInstances: obj({ cluster: str(), ec2InstanceIds: listOf(str()) }, ['ec2InstanceIds']) }, ['removeInstances']),
  fault: obj({
    fault: obj({
      atSeconds: num, fault: str(FAULT_KINDS), cluster: str(), containerInstance: str(), availabilityZone: str(),
      seconds: num, tasks: listOf(str()), service: str(), reason: str(),
    }, ['atSeconds', 'fault']),
  }, ['fault']),
  calls: obj({ calls: listOf(CALL) }, ['calls']),
};

const REQUEST = obj({
  scenario: any,
  timeline: listOf(CALL),
  variants: listOf(obj({ name: str(), changes: { t: 'any' } }, ['name'])),
  seeds: int,
  maxSeconds: num,
  region: str(),
}, ['scenario', 'variants']);

const EXPECTED: Record<Shape['t'], string> = {
  string: 'a string', number: 'a number', integer: 'an integer', any: 'a JSON value', list: 'a list', object: 'an object',
};

const fail = (path: string, problem: string) => new AwsError('InvalidParameterException', WHATIF.at(path, problem));
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Types, required and unknown members, enum values; depth first in document order. */
function check(shape: Shape, value: unknown, path: string): void {
  switch (shape.t) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') throw fail(path, WHATIF.expected(EXPECTED.string));
      if (shape.values && !shape.values.includes(value)) throw fail(path, WHATIF.expected(`one of ${shape.values.join(', ')}`));
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(path, WHATIF.expected(EXPECTED.number));
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail(path, WHATIF.expected(EXPECTED.integer));
      return;
    case 'list':
      if (!Array.isArray(value)) throw fail(path, WHATIF.expected(EXPECTED.list));
      value.forEach((item, i) => check(shape.of, item, `${path}[${i}]`));
      return;
    case 'object': {
      if (!isObject(value)) throw fail(path, WHATIF.expected(EXPECTED.object));
      for (const key of Object.keys(value)) if (!Object.hasOwn(shape.members, key)) throw fail(join(path, key), WHATIF.unknownMember);
      for (const name of shape.required ?? []) if (value[name] === undefined) throw fail(join(path, name), WHATIF.required);
      for (const [key, member] of Object.entries(shape.members)) {
        if (value[key] !== undefined) check(member, value[key], join(path, key));
      }
    }
  }
}

function checkRange(path: string, value: number | undefined, low: number, high: number): void {
  if (value !== undefined && (value < low || value > high)) throw fail(path, WHATIF.integerRange(low, high, value));
}

function checkChange(change: unknown, path: string): void {
  if (!isObject(change)) throw fail(path, WHATIF.expected(EXPECTED.object));
  const kinds = CHANGE_KINDS.filter((k) => change[k] !== undefined);
  if (kinds.length !== 1) throw fail(path, WHATIF.oneKind(CHANGE_KINDS));
  const kind = kinds[0];
  check(CHANGE_SHAPES[kind], change, path);
  const c = change as unknown as WhatIfChange;
  if ('service' in c) {
    const changes = ['placementStrategy', 'placementConstraints', 'deploymentConfiguration', 'desiredCount', 'taskDefinition'] as const;
    if (!changes.some((k) => c[k] !== undefined)) throw fail(path, WHATIF.nothingToChange);
  } else if ('addInstances' in c) {
    checkRange(`${path}.addInstances.count`, c.addInstances.count, 1, MAX_ADD_INSTANCES);
  } else if ('fault' in c) {
    const f = c.fault;
    if (f.atSeconds < 0 || f.atSeconds > MAX_ADVANCE_SECONDS) throw fail(`${path}.fault.atSeconds`, WHATIF.atSecondsRange(MAX_ADVANCE_SECONDS, f.atSeconds));
    if (f.fault === 'terminateAvailabilityZone' && f.availabilityZone === undefined) throw fail(`${path}.fault.availabilityZone`, WHATIF.faultNeedsZone);
    if (f.fault !== 'terminateAvailabilityZone' && f.availabilityZone !== undefined) throw fail(`${path}.fault.availabilityZone`, WHATIF.zoneOnlyForZoneFault);
  }
}

/** Checks the request's shape; returns it with the defaults filled in. Throws AwsError InvalidParameterException. */
export function validateWhatIfRequest(input: unknown): Required<Omit<WhatIfRequest, 'scenario'>> & { scenario: unknown } {
  check(REQUEST, input, '');
  const request = input as WhatIfRequest;
  if (request.variants.length === 0) throw fail('variants', WHATIF.noVariants);
  if (request.variants.length > MAX_VARIANTS) throw fail('variants', WHATIF.tooManyVariants(MAX_VARIANTS));
  const seen = new Map<string, number>();
  request.variants.forEach((variant, i) => {
    const path = `variants[${i}]`;
    if (variant.name.trim() === '') throw fail(`${path}.name`, WHATIF.emptyName);
    const first = seen.get(variant.name);
    if (first !== undefined) throw fail(`${path}.name`, WHATIF.duplicateName(variant.name, `variants[${first}]`));
    seen.set(variant.name, i);
    const changes: unknown = variant.changes ?? [];
    if (!Array.isArray(changes)) throw fail(`${path}.changes`, WHATIF.expected(EXPECTED.list));
    changes.forEach((change, j) => checkChange(change, `${path}.changes[${j}]`));
  });
  checkRange('seeds', request.seeds, 1, MAX_SEEDS);
  if (request.maxSeconds !== undefined && !(request.maxSeconds > 0 && request.maxSeconds <= MAX_ADVANCE_SECONDS)) {
    throw fail('maxSeconds', WHATIF.positiveUpTo(MAX_ADVANCE_SECONDS, request.maxSeconds));
  }
  return {
    scenario: request.scenario,
    timeline: request.timeline ?? [],
    variants: request.variants.map((v) => ({ name: v.name, changes: v.changes ?? [] })),
    seeds: request.seeds ?? 1,
    maxSeconds: request.maxSeconds ?? DEFAULT_MAX_SECONDS,
    region: request.region ?? 'us-east-1',
  };
}

// Checks a decoded request against its model shape, the way the AWS JSON 1.1 front end does before
// an operation runs: wrong JSON types are SerializationException; then required members and enum
// values are InvalidParameterException. Unknown members are dropped and reported (D1); null means absent.
import { AwsError } from '../aws-error.ts';
import { DISCOVERY, WIRE } from '../../messages.ts';

export interface ModelShape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
}
export interface ApiModel {
  metadata: { targetPrefix: string };
  operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

/**
 * How validation failures read. ECS answers with InvalidParameterException and its own texts (15.1 #1,
 * D52); Route 53 Auto Naming answers with InvalidInput and Coral's "1 validation error detected" form.
 */
export type ValidationStyle = 'ecs' | 'coral';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** Coral names members in lower camel case, e.g. `DnsConfig.DnsRecords` → `dnsConfig.dnsRecords`. */
const coralPath = (path: string) => path.split('.').map(lowerFirst).join('.');

function requiredError(style: ValidationStyle, path: string, member: string): AwsError {
  if (style === 'coral') {
    const at = coralPath(path ? `${path}.${member}` : member);
    return new AwsError('InvalidInput', DISCOVERY.constraint('null', at, 'Member must not be null'));
  }
  return new AwsError('InvalidParameterException', WIRE.required(member));
}

function enumError(style: ValidationStyle, path: string, value: string, values: readonly string[]): AwsError {
  if (style === 'coral') {
    return new AwsError('InvalidInput',
      DISCOVERY.constraint(`'${value}'`, coralPath(path), `Member must satisfy enum value set: [${values.join(', ')}]`));
  }
  return new AwsError('InvalidParameterException', WIRE.enumValue(path, values));
}

export interface ValidatedInput {
  value: Record<string, unknown>;
  /** Paths of members the model does not know, which were ignored. */
  unknownMembers: string[];
}

const TARGET_NAMES: Record<string, string> = {
  string: 'a String', integer: 'an Integer', long: 'a Long', double: 'a Double', float: 'a Float',
  boolean: 'a Boolean', timestamp: 'a Date', structure: 'a Structure', list: 'a List', map: 'a Map', blob: 'a Blob',
};

function tokenOf(value: unknown): string {
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'number') return 'NUMBER_VALUE';
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return 'VALUE';
}

function wrongType(value: unknown, shapeType: string): AwsError {
  if (Array.isArray(value)) return new AwsError('SerializationException', WIRE.listNotExpected);
  if (value !== null && typeof value === 'object') return new AwsError('SerializationException', WIRE.structureNotExpected);
  return new AwsError('SerializationException', WIRE.cannotConvert(tokenOf(value), TARGET_NAMES[shapeType] ?? 'a Value'));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Pass 1: JSON types only (deserialisation). Returns the value with nulls and unknown members removed. */
function decode(model: ApiModel, shapeName: string, value: unknown, path: string, unknown: string[]): unknown {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value)) throw wrongType(value, 'structure');
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        // Own members only: `__proto__` or `constructor` in a request are unknown members, not Object's.
        const member = shape.members && Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        if (!member) {
          unknown.push(path ? `${path}.${key}` : key);
          continue;
        }
        if (v === null) continue;
        out[key] = decode(model, member.shape, v, path ? `${path}.${key}` : key, unknown);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw wrongType(value, 'list');
      // Coral drops null list elements; so do we.
      return value.filter((v) => v !== null).map((v, i) => decode(model, shape.member!.shape, v, `${path}[${i}]`, unknown));
    }
    case 'map': {
      if (!isPlainObject(value)) throw wrongType(value, 'map');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        // defineProperty, so a `__proto__` key stays a plain key.
        if (v !== null) {
          Object.defineProperty(out, k, {
            value: decode(model, shape.value!.shape, v, `${path}.${k}`, unknown),
            enumerable: true, writable: true, configurable: true,
          });
        }
      }
      return out;
    }
    case 'string':
      if (typeof value !== 'string') throw wrongType(value, 'string');
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
        throw wrongType(value, 'integer');
      }
      return value;
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(value, 'long');
      return value;
    case 'double':
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(value, shape.type);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(value, 'boolean');
      return value;
    case 'timestamp':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value) / 1000;
      throw wrongType(value, 'timestamp');
    default:
      return value;
  }
}

/** Pass 2: required members, then enum values, depth first in model member order. */
function check(model: ApiModel, style: ValidationStyle, shapeName: string, value: unknown, path: string, ownRequired: readonly string[] = []): void {
  const shape = model.shapes[shapeName];
  if (shape.type === 'structure') {
    const obj = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (obj[name] === undefined && !ownRequired.includes(name)) {
        throw requiredError(style, path, name);
      }
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (obj[name] !== undefined) check(model, style, member.shape, obj[name], path ? `${path}.${name}` : name);
    }
  } else if (shape.type === 'list') {
    for (const item of value as unknown[]) check(model, style, shape.member!.shape, item, path);
  } else if (shape.type === 'map') {
    for (const item of Object.values(value as Record<string, unknown>)) check(model, style, shape.value!.shape, item, path);
  } else if (shape.enum && !shape.enum.includes(value as string)) {
    throw enumError(style, path, value as string, shape.enum);
  }
}

/**
 * Validates `input` for `operation` of `model`. Throws AwsError; never mutates `input`.
 * `ownRequired` names top-level required members the operation checks itself, because ECS answers
 * their absence with a text of its own (DescribeServices: `Services cannot be empty.`, 15.4 #2).
 */
export function validateInput(
  model: ApiModel, operation: string, input: unknown, ownRequired: readonly string[] = [], style: ValidationStyle = 'ecs',
): ValidatedInput {
  const shapeName = model.operations[operation]?.input?.shape;
  const unknownMembers: string[] = [];
  if (!shapeName) return { value: {}, unknownMembers };
  const value = decode(model, shapeName, input ?? {}, '', unknownMembers) as Record<string, unknown>;
  check(model, style, shapeName, value, '', ownRequired);
  return { value, unknownMembers };
}

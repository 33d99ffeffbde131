// Checks a decoded request against its model shape, the way the AWS JSON 1.1 front end does before
// an operation runs: wrong JSON types are SerializationException; then required members and enum
// values are InvalidParameterException. Unknown members are dropped and reported (D1); null means absent.
import { AwsError } from '../aws-error.ts';
import { WIRE } from '../messages.ts';

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
        const member = shape.members?.[key];
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
        if (v !== null) out[k] = decode(model, shape.value!.shape, v, `${path}.${k}`, unknown);
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
function check(model: ApiModel, shapeName: string, value: unknown, path: string): void {
  const shape = model.shapes[shapeName];
  if (shape.type === 'structure') {
    const obj = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (obj[name] === undefined) throw new AwsError('InvalidParameterException', WIRE.required(name));
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (obj[name] !== undefined) check(model, member.shape, obj[name], path ? `${path}.${name}` : name);
    }
  } else if (shape.type === 'list') {
    for (const item of value as unknown[]) check(model, shape.member!.shape, item, path);
  } else if (shape.type === 'map') {
    for (const item of Object.values(value as Record<string, unknown>)) check(model, shape.value!.shape, item, path);
  } else if (shape.enum && !shape.enum.includes(value as string)) {
    throw new AwsError('InvalidParameterException', WIRE.enumValue(path, shape.enum));
  }
}

/** Validates `input` for `operation` of `model`. Throws AwsError; never mutates `input`. */
export function validateInput(model: ApiModel, operation: string, input: unknown): ValidatedInput {
  const shapeName = model.operations[operation]?.input?.shape;
  const unknownMembers: string[] = [];
  if (!shapeName) return { value: {}, unknownMembers };
  const value = decode(model, shapeName, input ?? {}, '', unknownMembers) as Record<string, unknown>;
  check(model, shapeName, value, '');
  return { value, unknownMembers };
}

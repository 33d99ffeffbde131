// A tiny shape checker for the EcsSandbox.* operations, which have no AWS model. It works like the
// model validator (validate-input.ts): pass 1 checks JSON types (SerializationException), pass 2
// required members and enum values (InvalidParameterException). Null means absent and unknown
// members are dropped (D1). Format rules (ids, CIDRs, ranges) stay in the operations.
import { AwsError } from '../aws-error.ts';
import { SANDBOX } from '../../messages.ts';

export type Shape =
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'number' }
  | { type: 'integer' }
  | { type: 'boolean' }
  /** Any JSON value, checked later (ImportScenario's document). */
  | { type: 'any' }
  | { type: 'list'; member: Shape }
  | { type: 'structure'; members: Record<string, Shape>; required?: readonly string[] };

// Small constructors so that schemas read like the request they describe.
export const string = (values?: readonly string[]): Shape => (values ? { type: 'string', enum: values } : { type: 'string' });
export const number: Shape = { type: 'number' };
export const integer: Shape = { type: 'integer' };
export const boolean: Shape = { type: 'boolean' };
export const anyJson: Shape = { type: 'any' };
export const list = (member: Shape): Shape => ({ type: 'list', member });
export const structure = (members: Record<string, Shape>, required: readonly string[] = []): Shape =>
  ({ type: 'structure', members, required });

const EXPECTED: Record<Shape['type'], string> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean',
  any: 'a JSON value', list: 'a list', structure: 'an object',
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function wrongType(path: string, shape: Shape): AwsError {
  return new AwsError('SerializationException', SANDBOX.wrongType(path || 'The request', EXPECTED[shape.type]));
}

/** Pass 1: JSON types. Returns a copy without nulls and unknown members. */
function decode(shape: Shape, value: unknown, path: string): unknown {
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value)) throw wrongType(path, shape);
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(shape.members)) {
        const v = value[key];
        if (v !== undefined && v !== null) out[key] = decode(member, v, join(path, key));
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(value)) throw wrongType(path, shape);
      return value.map((v, i) => {
        if (v === null) throw wrongType(`${path}[${i}]`, shape.member);
        return decode(shape.member, v, `${path}[${i}]`);
      });
    case 'string':
      if (typeof value !== 'string') throw wrongType(path, shape);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(path, shape);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(path, shape);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(path, shape);
      return value;
    case 'any':
      return value;
  }
}

/** Pass 2: required members, then enum values, depth first in schema order. */
function check(shape: Shape, value: unknown, path: string): void {
  if (shape.type === 'structure') {
    const obj = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (obj[name] === undefined) throw new AwsError('InvalidParameterException', SANDBOX.required(join(path, name)));
    }
    for (const [name, member] of Object.entries(shape.members)) {
      if (obj[name] !== undefined) check(member, obj[name], join(path, name));
    }
  } else if (shape.type === 'list') {
    (value as unknown[]).forEach((item, i) => check(shape.member, item, `${path}[${i}]`));
  } else if (shape.type === 'string' && shape.enum && !shape.enum.includes(value as string)) {
    throw new AwsError('InvalidParameterException', SANDBOX.oneOf(path, shape.enum));
  }
}

/** Checks `input` against `shape` (a structure) and returns the cleaned value. Throws AwsError. */
export function validateSandboxInput<T>(shape: Shape, input: unknown): T {
  const value = decode(shape, input ?? {}, '');
  check(shape, value, '');
  return value as T;
}

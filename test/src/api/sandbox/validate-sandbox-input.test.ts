import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../../src/api/aws-error.ts';
import {
  anyJson, boolean, integer, list, number, string, structure, validateSandboxInput,
} from '../../../../src/api/validate/validate-sandbox-input.ts';

const SHAPE = structure({
  name: string(),
  mode: string(['a', 'b']),
  count: integer,
  ratio: number,
  on: boolean,
  items: list(structure({ id: string(), tags: list(string()) }, ['id'])),
  extra: anyJson,
}, ['name']);

function error(input: unknown): [string, string] {
  try {
    validateSandboxInput(SHAPE, input);
  } catch (e) {
    return [(e as AwsError).code, (e as AwsError).message];
  }
  throw new Error('expected an error');
}

describe('validateSandboxInput', () => {
  it('drops nulls and unknown members, keeps the rest as given', () => {
    expect(validateSandboxInput(SHAPE, { name: 'n', mode: null, other: 1, items: [{ id: 'x', tags: ['t'], junk: true }], extra: { any: [1] } }))
      .toEqual({ name: 'n', items: [{ id: 'x', tags: ['t'] }], extra: { any: [1] } });
  });

  it.each([
    // JSON types first (pass 1), with the member's path
    [{ name: 5 }, 'SerializationException', 'name must be a string.'],
    [{ name: 'n', count: 2.5 }, 'SerializationException', 'count must be an integer.'],
    [{ name: 'n', ratio: 'half' }, 'SerializationException', 'ratio must be a number.'],
    [{ name: 'n', on: 1 }, 'SerializationException', 'on must be a boolean.'],
    [{ name: 'n', items: {} }, 'SerializationException', 'items must be a list.'],
    [{ name: 'n', items: [[]] }, 'SerializationException', 'items[0] must be an object.'],
    [{ name: 'n', items: [{ id: 'x', tags: [null] }] }, 'SerializationException', 'items[0].tags[0] must be a string.'],
    // a type error wins over a missing member, as on the wire
    [{ count: 'x' }, 'SerializationException', 'count must be an integer.'],
    // then required members and enums (pass 2)
    [{}, 'InvalidParameterException', 'name is required.'],
    [{ name: 'n', items: [{}] }, 'InvalidParameterException', 'items[0].id is required.'],
    [{ name: 'n', mode: 'c' }, 'InvalidParameterException', 'mode should be one of [a, b]'],
  ])('%j → %s: %s', (input, code, message) => {
    expect(error(input)).toEqual([code, message]);
  });

  it('a request that is not an object is SerializationException', () => {
    expect(error('text')).toEqual(['SerializationException', 'The request must be an object.']);
  });
});

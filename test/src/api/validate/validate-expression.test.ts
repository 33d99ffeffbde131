// assertValidExpression: the API's check of memberOf expressions and ListContainerInstances filters.
// Parse errors are InvalidParameterException with the D48 message (not the 0-based wording of 5.8).
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../../src/api/aws-error.ts';
import { assertValidExpression } from '../../../../src/api/validate/validate-expression.ts';

function errorOf(text: string): AwsError {
  try {
    assertValidExpression(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AwsError);
    return e as AwsError;
  }
  throw new Error(`${JSON.stringify(text)} was accepted, but an error was expected`);
}

describe('assertValidExpression', () => {
  it('returns the parsed tree of a valid expression', () => {
    expect(assertValidExpression('attribute:ecs.instance-type == t2.small')).toEqual({
      kind: 'comparison', subject: { kind: 'attribute', name: 'ecs.instance-type' }, operator: '==', value: 't2.small',
    });
  });

  it.each([
    ['', 'Invalid expression at position 1: unexpected end of expression.'], // an empty expression is an error
    ['attribute:ecs.instance-type = t2.small', "Invalid expression at position 29: unexpected token '='."], // 28 chars before '='
    ['distinctInstance', "Invalid expression at position 1: unknown subject 'distinctInstance'."],
    ['task:group > 2', "Invalid expression at position 12: operator '>' is not valid for task:group."],
    ['registeredAt < yesterday', "Invalid expression at position 16: invalid date 'yesterday'."],
    ["attribute:ecs.ami-id =~ '(?i)ami-.*'", 'Invalid expression at position 25: invalid regular expression: inline flags are not supported.'],
  ])('%j → InvalidParameterException %s', (text, message) => {
    const e = errorOf(text);
    expect([e.code, e.message, e.httpStatus]).toEqual(['InvalidParameterException', message, 400]);
  });
});

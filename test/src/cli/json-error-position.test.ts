// Node 20's JSON.parse names no position, so the CLI finds the first fault itself (RFC 8259).
import { describe, expect, it } from 'vitest';
import { findJsonFault, lineAndColumn } from '../../../src/cli/json-error-position.ts';

describe('findJsonFault', () => {
  it.each([
    '{}', '[]', ' 1 ', '"a\\u00e9\\n"', '{"a": [true, false, null, -0.5e+3, {"b": {}}]}', '\ufeff{}',
  ])('%j is valid JSON: no fault', (text) => {
    expect(findJsonFault(text)).toBeUndefined();
  });

  it.each([
    ['', 1, 1, 'unexpected end of file, expected a value'],
    ['{', 1, 2, "unexpected end of file, expected a member name in double quotes"],
    ["{'a': 1}", 1, 2, "unexpected ''', expected a member name in double quotes"],
    ['{"a" 1}', 1, 6, "unexpected '1', expected ':'"],
    ['{"a": 1,}', 1, 9, "unexpected '}', expected another member (a trailing comma is not JSON)"],
    ['{"a": 1 "b": 2}', 1, 9, "unexpected '\"', expected ',' or '}'"],
    ['[1 2]', 1, 4, "unexpected '2', expected ',' or ']'"],
    ['[01]', 1, 3, "unexpected '1', expected ',' or ']'"],
    ['[tru]', 1, 2, "unexpected 't', expected a value"],
    ['"abc', 1, 5, 'unterminated string'],
    ['"a\tb"', 1, 3, 'control character in a string (write it as an escape such as \\n)'],
    ['"\\x"', 1, 2, "bad escape '\\x' in a string"],
    ['{}\n\n  ]', 3, 3, "unexpected ']', expected the end of the file"],
    ['{\r\n"a":\r\n}', 3, 1, "unexpected '}', expected a value"],
  ])('%j: line %i, column %i: %s', (text, line, column, detail) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonFault(text)).toEqual({ line, column, detail });
  });

  it('lineAndColumn counts lines after \\n, columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { describeJsonProblem, parseRequestJson, prettyJson } from '../../../web/editors/json-text.ts';

describe('JSON tab text', () => {
  it('pretty prints with two spaces, as --cli-input-json skeletons are', () => {
    expect(prettyJson({ cluster: 'demo', desiredCount: 1 })).toBe('{\n  "cluster": "demo",\n  "desiredCount": 1\n}');
  });

  it('parses an object', () => {
    expect(parseRequestJson('{"a": 1}')).toEqual({ value: { a: 1 } });
  });

  it('reports a syntax error with its offset, line and column', () => {
    const text = '{\n  "cluster": "demo",\n  "desiredCount": 1,\n}';
    const result = parseRequestJson(text);
    if (!('problem' in result)) throw new Error('expected a problem');
    // the offset is the engine's: the `}` after the trailing comma is character 44 (2 + 21 + 21 characters before it)
    expect(result.problem.offset).toBe(text.lastIndexOf('}'));
    expect([result.problem.line, result.problem.column]).toEqual([4, 1]);
    expect(describeJsonProblem(result.problem)).toMatch(/^Line 4, column 1 \(offset 44\): /);
  });

  it('an unexpected end is at the end of the text', () => {
    const result = parseRequestJson('{"a": ');
    expect('problem' in result && result.problem.offset).toBe(6);
  });

  it.each(['[]', '"x"', '3', 'null'])('rejects %s: the request must be an object', (text) => {
    const result = parseRequestJson(text);
    expect('problem' in result && result.problem.message).toBe('The request must be a JSON object ({ … }), as --cli-input-json takes it.');
  });
});

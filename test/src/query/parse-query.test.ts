// Golden fixtures for the cluster query language parser (semantics 5.1–5.3, 5.7; errors per D48):
// expression → canonical printed form, or expression → exact error text.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/query/parse-query.ts';
import { printQuery } from '../../../src/query/print-query.ts';
import { QueryParseError } from '../../../src/query/query-parse-error.ts';

const canonical = (text: string) => printQuery(parseQuery(text));

function errorOf(text: string): QueryParseError {
  try {
    parseQuery(text);
  } catch (e) {
    expect(e).toBeInstanceOf(QueryParseError);
    return e as QueryParseError;
  }
  throw new Error(`${JSON.stringify(text)} parsed, but an error was expected`);
}

describe('parseQuery + printQuery: canonical forms', () => {
  it.each([
    // 5.7, the seven DG18 examples and the four DG23 examples, verbatim
    ['attribute:ecs.instance-type == t2.small', 'attribute:ecs.instance-type == t2.small'],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]'],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d'],
    ['task:group == service:production', 'task:group == service:production'],
    ['not(task:group == database)', 'not(task:group == database)'],
    ['attribute:stack != prod', 'attribute:stack != prod'],
    ['attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a',
      'attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a'],
    ['runningTasksCount == 1', 'runningTasksCount == 1'],
    ['agentVersion < 1.14.5', 'agentVersion < 1.14.5'],
    ['registeredAt < 2018-02-13', 'registeredAt < 2018-02-13'],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", 'ec2InstanceId in [i-abcd1234, i-wxyx7890]'],
  ])('5.7 example %s', (text, printed) => {
    expect(canonical(text)).toBe(printed);
  });

  it.each([
    // every operator, symbol and word (5.3); word operators are case-insensitive (5.2)
    ['attribute:a == x', 'attribute:a == x'],
    ['attribute:a equals x', 'attribute:a == x'],
    ['attribute:a EQUALS x', 'attribute:a == x'],
    ['attribute:a != x', 'attribute:a != x'],
    ['attribute:a not_equals x', 'attribute:a != x'],
    ['attribute:a Not_Equals x', 'attribute:a != x'],
    ['attribute:a > 1', 'attribute:a > 1'],
    ['attribute:a greater_than 1', 'attribute:a > 1'],
    ['attribute:a >= 1', 'attribute:a >= 1'],
    ['attribute:a GREATER_THAN_EQUAL 1', 'attribute:a >= 1'],
    ['attribute:a < 1', 'attribute:a < 1'],
    ['attribute:a less_than 1', 'attribute:a < 1'],
    ['attribute:a <= 1', 'attribute:a <= 1'],
    ['attribute:a less_than_equal 1', 'attribute:a <= 1'],
    ['attribute:a =~ x.*', 'attribute:a =~ x.*'],
    ['attribute:a matches x.*', 'attribute:a =~ x.*'],
    ['attribute:a !~ x.*', 'attribute:a !~ x.*'],
    ['attribute:a NOT_MATCHES x.*', 'attribute:a !~ x.*'],
    ['attribute:a exists', 'attribute:a exists'],
    ['attribute:a EXISTS', 'attribute:a exists'],
    ['attribute:a !exists', 'attribute:a !exists'],
    ['attribute:a !Exists', 'attribute:a !exists'],
    ['attribute:a not_exists', 'attribute:a !exists'],
    ['attribute:a in [x]', 'attribute:a in [x]'],
    ['attribute:a IN [x]', 'attribute:a in [x]'],
    ['attribute:a !in [x]', 'attribute:a !in [x]'],
    ['attribute:a !IN [x]', 'attribute:a !in [x]'],
    ['attribute:a not_in [x]', 'attribute:a !in [x]'],
    // 5.2: no whitespace is needed around punctuation or symbols
    ['attribute:a in[x,y]', 'attribute:a in [x, y]'],
    ['attribute:a !in[ x , y ]', 'attribute:a !in [x, y]'],
    ['(attribute:a exists)&&(attribute:b exists)', 'attribute:a exists and attribute:b exists'],
    ['attribute:a\t==\nx', 'attribute:a == x'],
    // connectives: and/&&, or/||, not/! in any case
    ['attribute:a exists and attribute:b exists', 'attribute:a exists and attribute:b exists'],
    ['attribute:a exists AND attribute:b exists && attribute:c exists', 'attribute:a exists and attribute:b exists and attribute:c exists'],
    ['attribute:a exists or attribute:b exists', 'attribute:a exists or attribute:b exists'],
    ['attribute:a exists Or attribute:b exists || attribute:c exists', 'attribute:a exists or attribute:b exists or attribute:c exists'],
    ['not attribute:a exists', 'not(attribute:a exists)'],
    ['NOT attribute:a exists', 'not(attribute:a exists)'],
    ['!attribute:a exists', 'not(attribute:a exists)'],
    // 5.2: `not(…)` and `not (…)` are the same; `!(` is `not` then `(`
    ['not(attribute:a exists)', 'not(attribute:a exists)'],
    ['not (attribute:a exists)', 'not(attribute:a exists)'],
    ['!(attribute:a exists)', 'not(attribute:a exists)'],
    ['! (attribute:a exists)', 'not(attribute:a exists)'],
    ['not not attribute:a exists', 'not(not(attribute:a exists))'],
    ['!!attribute:a exists', 'not(not(attribute:a exists))'],
    ['not !(attribute:a == x)', 'not(not(attribute:a == x))'],
    // parentheses: only the tree remains; the same connective nested stays nested
    ['((attribute:a exists))', 'attribute:a exists'],
    ['(attribute:a exists and attribute:b exists) and attribute:c exists', '(attribute:a exists and attribute:b exists) and attribute:c exists'],
    ['attribute:a exists or (attribute:b exists or attribute:c exists)', 'attribute:a exists or (attribute:b exists or attribute:c exists)'],
    ['(attribute:a exists or attribute:b exists) and attribute:c exists', '(attribute:a exists or attribute:b exists) and attribute:c exists'],
    // precedence not > and > or (5.1, D16); the printer parenthesises mixed and/or
    ['attribute:a exists or attribute:b exists and attribute:c exists', 'attribute:a exists or (attribute:b exists and attribute:c exists)'],
    ['attribute:a exists and attribute:b exists or attribute:c exists', '(attribute:a exists and attribute:b exists) or attribute:c exists'],
    ['attribute:a exists || attribute:b exists && attribute:c exists', 'attribute:a exists or (attribute:b exists and attribute:c exists)'],
    ['not attribute:a exists and attribute:b exists', 'not(attribute:a exists) and attribute:b exists'],
    ['not attribute:a exists or attribute:b exists and not attribute:c exists',
      'not(attribute:a exists) or (attribute:b exists and not(attribute:c exists))'],
    ['not (attribute:a exists or attribute:b exists)', 'not(attribute:a exists or attribute:b exists)'],
    // quoted literals (5.2): quotes are dropped when a bare literal reads back the same
    ["attribute:a == 'x'", 'attribute:a == x'],
    ["attribute:a == 'two words'", "attribute:a == 'two words'"],
    ["attribute:a == ''", "attribute:a == ''"],
    ["attribute:a == 'a,b'", "attribute:a == 'a,b'"],
    ["attribute:a == '(x)'", "attribute:a == '(x)'"],
    ["attribute:a == '[x]'", "attribute:a == '[x]'"],
    ["attribute:a == '!x'", "attribute:a == '!x'"], // a bare `!x` would scan as `!` then `x`
    ["attribute:a == '>=1'", "attribute:a == '>=1'"],
    ["attribute:a == '||'", "attribute:a == '||'"],
    ['attribute:a == =x', 'attribute:a == =x'], // `=` alone is no operator, so `=x` is bare (5.2)
    ["attribute:a == 'and'", "attribute:a == 'and'"], // keywords are reserved: quoted
    ["attribute:a in ['IN', 'x y', z]", "attribute:a in ['IN', 'x y', z]"],
    ['attribute:a == a!b==c', 'attribute:a == a!b==c'], // symbols inside a bare literal do not split it
    ['attribute:a == service:my-svc/@1', 'attribute:a == service:my-svc/@1'],
    ["attribute:a == 'tab\there'", "attribute:a == 'tab\there'"],
    ["attribute:a =~ 't2\\.(small|micro)'", "attribute:a =~ 't2\\.(small|micro)'"],
    ["attribute:a =~ '[a-c]+'", "attribute:a =~ '[a-c]+'"],
    ["attribute:a =~ 'x y'", "attribute:a =~ 'x y'"],
    // attribute names: 1–128 of [A-Za-z0-9._-], case-sensitive (5.1, 5.2)
    ['attribute:A-b_c.9 exists', 'attribute:A-b_c.9 exists'],
    [`attribute:${'n'.repeat(128)} exists`, `attribute:${'n'.repeat(128)} exists`],
    // every subject (5.4) with each operator family it accepts (5.3, DG23)
    ['task:group == service:web', 'task:group == service:web'],
    ['task:group != service:web', 'task:group != service:web'],
    ['task:group exists', 'task:group exists'],
    ['task:group not_exists', 'task:group !exists'],
    ['task:group in [service:a, service:b]', 'task:group in [service:a, service:b]'],
    ['task:group !in [service:a]', 'task:group !in [service:a]'],
    ['task:group =~ service:.*', 'task:group =~ service:.*'],
    ['task:group !~ service:.*', 'task:group !~ service:.*'],
    ['agentConnected == true', 'agentConnected == true'],
    ['agentConnected != false', 'agentConnected != false'],
    ['agentConnected in [true, false]', 'agentConnected in [true, false]'],
    ['agentConnected not_in [false]', 'agentConnected !in [false]'],
    ['agentConnected =~ t.*', 'agentConnected =~ t.*'],
    ['agentConnected !~ t.*', 'agentConnected !~ t.*'],
    ['ec2InstanceId == i-0123', 'ec2InstanceId == i-0123'],
    ['ec2InstanceId != i-0123', 'ec2InstanceId != i-0123'],
    ['ec2InstanceId in [i-1]', 'ec2InstanceId in [i-1]'],
    ['ec2InstanceId !in [i-1]', 'ec2InstanceId !in [i-1]'],
    ['ec2InstanceId matches i-0.*', 'ec2InstanceId =~ i-0.*'],
    ['ec2InstanceId !~ i-0.*', 'ec2InstanceId !~ i-0.*'],
    ['agentVersion == 1.17.3', 'agentVersion == 1.17.3'],
    ['agentVersion != 1.17.3', 'agentVersion != 1.17.3'],
    ['agentVersion > 1.14.5', 'agentVersion > 1.14.5'],
    ['agentVersion >= 1.14.5', 'agentVersion >= 1.14.5'],
    ['agentVersion less_than 1.14.5', 'agentVersion < 1.14.5'],
    ['agentVersion <= 1.14.5', 'agentVersion <= 1.14.5'],
    ['runningTasksCount == 0', 'runningTasksCount == 0'],
    ['runningTasksCount != 0', 'runningTasksCount != 0'],
    ['runningTasksCount > 2', 'runningTasksCount > 2'],
    ['runningTasksCount >= 2', 'runningTasksCount >= 2'],
    ['runningTasksCount < 2', 'runningTasksCount < 2'],
    ['runningTasksCount <= 2', 'runningTasksCount <= 2'],
    // registeredAt: the four formats of 5.4 (the literal is kept as written)
    ['registeredAt == 2018-06-18T22:28:28+00:00', 'registeredAt == 2018-06-18T22:28:28+00:00'],
    ['registeredAt != 2018-06-18T22:28:28Z', 'registeredAt != 2018-06-18T22:28:28Z'],
    ['registeredAt > 2018-06-18T22:28:28', 'registeredAt > 2018-06-18T22:28:28'],
    ['registeredAt >= 2018-06-18', 'registeredAt >= 2018-06-18'],
    ['registeredAt < 2018-06-18T22:28:28-05:30', 'registeredAt < 2018-06-18T22:28:28-05:30'],
    ["registeredAt <= '2016-02-29'", 'registeredAt <= 2016-02-29'], // a leap day
  ])('%s  →  %s', (text, printed) => {
    expect(canonical(text)).toBe(printed);
    // the canonical form is a fixed point
    expect(canonical(printed)).toBe(printed);
  });

  it('builds the tree the grammar describes: n-ary chains, no node for parentheses', () => {
    expect(parseQuery("attribute:a == x and (task:group exists or not attribute:b !in [1, 'two'])")).toEqual({
      kind: 'and',
      operands: [
        { kind: 'comparison', subject: { kind: 'attribute', name: 'a' }, operator: '==', value: 'x' },
        {
          kind: 'or',
          operands: [
            { kind: 'existence', subject: { kind: 'task:group' }, operator: 'exists' },
            { kind: 'not', operand: { kind: 'list', subject: { kind: 'attribute', name: 'b' }, operator: '!in', values: ['1', 'two'] } },
          ],
        },
      ],
    });
    expect(parseQuery('agentVersion < 1.14.5 and ec2InstanceId =~ i-.*')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'comparison', subject: { kind: 'agentVersion' }, operator: '<', value: '1.14.5' },
        { kind: 'match', subject: { kind: 'ec2InstanceId' }, operator: '=~', pattern: 'i-.*' },
      ],
    });
  });

  it('accepts 100 nested parentheses and negations, and refuses the 101st (MAX_QUERY_NESTING)', () => {
    const nested = (n: number) => `${'('.repeat(n)}attribute:a exists${')'.repeat(n)}`;
    expect(canonical(nested(100))).toBe('attribute:a exists');
    // 100 `(` occupy positions 1–100, so the 101st is at 101
    expect(errorOf(nested(101)).message).toBe("Invalid expression at position 101: unexpected token '('.");
    expect(canonical(`${'!'.repeat(100)}attribute:a exists`)).toBe(`${'not('.repeat(100)}attribute:a exists${')'.repeat(100)}`);
    expect(errorOf(`${'not '.repeat(101)}attribute:a exists`).message) // 'not ' × 100 is 400 chars
      .toBe("Invalid expression at position 401: unexpected token 'not'.");
    // a deep input is an error, never a stack overflow
    expect(errorOf('('.repeat(100_000)).message).toBe("Invalid expression at position 101: unexpected token '('.");
  });

  it('printQuery refuses a literal that no expression can hold (a quote, 5.2)', () => {
    expect(() => printQuery({ kind: 'comparison', subject: { kind: 'attribute', name: 'a' }, operator: '==', value: "it's" }))
      .toThrow('A query literal cannot contain a quote');
  });
});

describe('parseQuery: D48 errors', () => {
  // `<n>` is 1-based; at the end of the text it is length + 1.
  it.each([
    // unexpected end of expression
    ['', 'Invalid expression at position 1: unexpected end of expression.'], // empty: length 0 → 1
    ['   ', 'Invalid expression at position 4: unexpected end of expression.'], // length 3 → 4
    ['attribute:a', 'Invalid expression at position 12: unexpected end of expression.'], // 11 chars
    ['attribute:a ==', 'Invalid expression at position 15: unexpected end of expression.'], // 14 chars
    ['attribute:a exists and', 'Invalid expression at position 23: unexpected end of expression.'], // 22 chars
    ['attribute:a exists &&', 'Invalid expression at position 22: unexpected end of expression.'], // 21 chars
    ['not', 'Invalid expression at position 4: unexpected end of expression.'],
    ['(attribute:a exists', 'Invalid expression at position 20: unexpected end of expression.'], // 19 chars
    ['attribute:a in', 'Invalid expression at position 15: unexpected end of expression.'],
    ['attribute:a in [x', 'Invalid expression at position 18: unexpected end of expression.'], // 17 chars
    ['attribute:a in [x,', 'Invalid expression at position 19: unexpected end of expression.'],
    ["attribute:a == 'x", 'Invalid expression at position 18: unexpected end of expression.'], // unterminated quote, 17 chars
    ["attribute:a in [x, 'y", 'Invalid expression at position 22: unexpected end of expression.'], // 21 chars
    // unexpected token '<token>' (the token as written)
    ['attribute:a = b', "Invalid expression at position 13: unexpected token '='."], // 'attribute:a ' is 12 chars
    ['attribute:a == x y', "Invalid expression at position 18: unexpected token 'y'."], // values with spaces need quotes
    ['attribute:a ! exists', "Invalid expression at position 13: unexpected token '!'."], // `!exists` must be one word (5.2)
    ['attribute:a ! in [x]', "Invalid expression at position 13: unexpected token '!'."],
    ['attribute:a !inx [x]', "Invalid expression at position 13: unexpected token '!'."],
    ['attribute:a exists attribute:b exists', "Invalid expression at position 20: unexpected token 'attribute:b'."],
    [')', "Invalid expression at position 1: unexpected token ')'."],
    ['()', "Invalid expression at position 2: unexpected token ')'."],
    ['attribute:a exists)', "Invalid expression at position 19: unexpected token ')'."],
    ['(attribute:a exists]', "Invalid expression at position 20: unexpected token ']'."],
    ['attribute:a in []', "Invalid expression at position 17: unexpected token ']'."], // '[' at 16
    ['attribute:a in [x,]', "Invalid expression at position 19: unexpected token ']'."],
    ['attribute:a in [x y]', "Invalid expression at position 19: unexpected token 'y'."],
    ['attribute:a in x', "Invalid expression at position 16: unexpected token 'x'."],
    ['attribute:a in (x)', "Invalid expression at position 16: unexpected token '('."],
    ['attribute:a == (x)', "Invalid expression at position 16: unexpected token '('."],
    ['attribute:a == ==', "Invalid expression at position 16: unexpected token '=='."],
    ['attribute:a == !x', "Invalid expression at position 16: unexpected token '!'."],
    ['attribute:a exists & attribute:b exists', "Invalid expression at position 20: unexpected token '&'."],
    ['and attribute:a exists', "Invalid expression at position 1: unexpected token 'and'."],
    ['exists', "Invalid expression at position 1: unexpected token 'exists'."],
    ['attribute:a exists or or attribute:b exists', "Invalid expression at position 23: unexpected token 'or'."],
    ['attribute:a == and', "Invalid expression at position 16: unexpected token 'and'."], // keywords are reserved
    ['attribute:a in [x, NOT]', "Invalid expression at position 20: unexpected token 'NOT'."],
    ["'attribute:a' exists", "Invalid expression at position 1: unexpected token ''attribute:a''."],
    ["attribute:a exists 'x", "Invalid expression at position 20: unexpected token ''x'."],
    ['attribute:a && attribute:b exists', "Invalid expression at position 13: unexpected token '&&'."],
    ['attribute:a and', "Invalid expression at position 13: unexpected token 'and'."],
    // unknown subject '<subject>' (subjects are case-sensitive, 5.2)
    ['foo == bar', "Invalid expression at position 1: unknown subject 'foo'."],
    ['attribute:a==b', "Invalid expression at position 1: unknown subject 'attribute:a==b'."], // one bare literal (5.2)
    ['task:group==x', "Invalid expression at position 1: unknown subject 'task:group==x'."],
    ['Attribute:a exists', "Invalid expression at position 1: unknown subject 'Attribute:a'."],
    ['attribute: exists', "Invalid expression at position 1: unknown subject 'attribute:'."],
    ['attribute:a/b exists', "Invalid expression at position 1: unknown subject 'attribute:a/b'."],
    [`attribute:${'n'.repeat(129)} exists`, `Invalid expression at position 1: unknown subject 'attribute:${'n'.repeat(129)}'.`],
    ['task:Group exists', "Invalid expression at position 1: unknown subject 'task:Group'."],
    ['task exists', "Invalid expression at position 1: unknown subject 'task'."],
    ['AgentConnected == true', "Invalid expression at position 1: unknown subject 'AgentConnected'."],
    ['attribute:a exists and runningtaskscount > 1', "Invalid expression at position 24: unknown subject 'runningtaskscount'."],
    // operator '<op>' is not valid for <subject> (5.3, DG23; the operator as written)
    ['task:group > 1', "Invalid expression at position 12: operator '>' is not valid for task:group."],
    ['task:group less_than_equal 1', "Invalid expression at position 12: operator 'less_than_equal' is not valid for task:group."],
    ['agentConnected exists', "Invalid expression at position 16: operator 'exists' is not valid for agentConnected."],
    ['agentConnected > true', "Invalid expression at position 16: operator '>' is not valid for agentConnected."],
    ['ec2InstanceId >= i-1', "Invalid expression at position 15: operator '>=' is not valid for ec2InstanceId."],
    ['ec2InstanceId !exists', "Invalid expression at position 15: operator '!exists' is not valid for ec2InstanceId."],
    ['agentVersion in [1.0.0]', "Invalid expression at position 14: operator 'in' is not valid for agentVersion."],
    ['agentVersion =~ 1.*', "Invalid expression at position 14: operator '=~' is not valid for agentVersion."],
    ['registeredAt !In [2018-01-01]', "Invalid expression at position 14: operator '!In' is not valid for registeredAt."],
    ['registeredAt exists', "Invalid expression at position 14: operator 'exists' is not valid for registeredAt."],
    ['runningTasksCount NOT_MATCHES 1', "Invalid expression at position 19: operator 'NOT_MATCHES' is not valid for runningTasksCount."],
    ['runningTasksCount not_in [1]', "Invalid expression at position 19: operator 'not_in' is not valid for runningTasksCount."],
    // invalid date '<literal>' (5.4, 5.5)
    ['registeredAt < 2018-02-30', "Invalid expression at position 16: invalid date '2018-02-30'."], // no 30 February
    ['registeredAt < 2017-02-29', "Invalid expression at position 16: invalid date '2017-02-29'."], // not a leap year
    ['registeredAt < 2018-13-01', "Invalid expression at position 16: invalid date '2018-13-01'."],
    ['registeredAt < 2018-06-18T24:00:00Z', "Invalid expression at position 16: invalid date '2018-06-18T24:00:00Z'."],
    ['registeredAt < 2018-06-18T22:28', "Invalid expression at position 16: invalid date '2018-06-18T22:28'."],
    ['registeredAt < 2018-06-18T22:28:28.123Z', "Invalid expression at position 16: invalid date '2018-06-18T22:28:28.123Z'."],
    ['registeredAt < 2018-06-18t22:28:28z', "Invalid expression at position 16: invalid date '2018-06-18t22:28:28z'."],
    ['registeredAt < 2018-06-18T22:28:28+0000', "Invalid expression at position 16: invalid date '2018-06-18T22:28:28+0000'."],
    ['registeredAt == 18-06-18', "Invalid expression at position 17: invalid date '18-06-18'."],
    ['registeredAt == 1529360908', "Invalid expression at position 17: invalid date '1529360908'."],
    ["registeredAt == '2018-06-18 22:28:28'", "Invalid expression at position 17: invalid date '2018-06-18 22:28:28'."], // at the quote
    // invalid regular expression: <reason> (5.6; at the literal)
    ["attribute:a =~ '(a'", 'Invalid expression at position 16: invalid regular expression: unclosed group.'],
    ['attribute:a =~ a\\1', 'Invalid expression at position 16: invalid regular expression: backreferences are not supported.'],
    ['task:group !~ *', "Invalid expression at position 15: invalid regular expression: dangling quantifier '*'."],
    // the first error from the left wins
    ['foo == x and agentVersion =~ (', "Invalid expression at position 1: unknown subject 'foo'."],
    ['attribute:a =~ x* and registeredAt < nope', "Invalid expression at position 38: invalid date 'nope'."],
  ])('%j', (text, message) => {
    const e = errorOf(text);
    expect(e.message).toBe(message);
    expect(message).toBe(`Invalid expression at position ${e.position}: ${e.detail}.`);
  });
});

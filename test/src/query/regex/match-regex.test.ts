// Whole-value matching of the 5.6 subset (Java's Pattern.matches), in linear time.
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../../../src/query/regex/compile-regex.ts';
import { matchRegex } from '../../../../src/query/regex/match-regex.ts';

const matches = (pattern: string, value: string) => matchRegex(compileRegex(pattern), value);

describe('matchRegex', () => {
  it.each([
    // whole-value match mode (5.6)
    ['t2.*', 't2.small', true],
    ['t2.*', 'xt2.small', false],
    ['t2', 't2.small', false],
    ['', '', true],
    ['', 'a', false],
    // literal characters and `.`
    ['abc', 'abc', true],
    ['a.c', 'a-c', true],
    ['a.c', 'a\nc', false], // `.` excludes line terminators (Java, no DOTALL)
    ['a.c', 'a\rc', false],
    ['a.c', 'a\u0085c', false],
    ['a.c', 'a\u2028c', false],
    ['a.c', 'a\u2029c', false],
    ['a.c', 'a\tc', true],
    ['.', '😀', true], // one code point, as Java reads it
    ['..', '😀', false],
    ['😀+', '😀😀', true],
    // escapes of the metacharacters, plus \t \n \r \f
    ['\\.\\\\\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$', '.\\*+?()[]{}|^$', true],
    ['a\\.b', 'axb', false],
    ['\\t\\n\\r\\f', '\t\n\r\f', true],
    ['\\-\\/\\:\\@\\ ', '-/:@ ', true], // a backslash before a non-alphanumeric is that character (Java)
    // \Q…\E
    ['\\Qa.b*\\E', 'a.b*', true],
    ['\\Qa.b*\\E', 'axbbb', false],
    ['\\Qab\\E*', 'abbb', true], // the quantifier applies to the last quoted character
    ['\\Qab\\E*', 'abab', false],
    ['x\\Q(y', 'x(y', true], // no \E: quoted to the end
    ['[\\Q]-\\E]+', ']--]', true], // inside a class too
    ['\\\\Q', '\\Q', true], // an escaped backslash, then Q
    // character classes
    ['[abc]+', 'cab', true],
    ['[abc]', 'd', false],
    ['[a-z0-9]+', 'abc123', true],
    ['[a-z0-9]+', 'abc-123', false],
    ['[^abc]', 'd', true],
    ['[^abc]', 'a', false],
    ['[^a]', '\n', true], // a negated class matches line terminators
    ['[]a]+', ']a]', true], // `]` first is a literal (Java)
    ['[^]a]', 'b', true],
    ['[a-]+', 'a-', true], // `-` last is a literal
    ['[-a]+', '-a', true],
    ['[a^]+', '^a', true], // `^` not first is a literal
    ['[\\]\\[\\\\\\-\\^]+', '][\\-^', true],
    ['[😀-😂]', '😁', true], // ranges of code points
    ['[😀-😂]', '😃', false],
    ['[.]', 'x', false], // `.` in a class is a dot
    // predefined classes, inside and outside classes (ASCII, as Java without UNICODE_CHARACTER_CLASS)
    ['\\d+', '0123456789', true],
    ['\\d', '٣', false], // Arabic-Indic digit three
    ['\\D', 'a', true],
    ['\\w+', 'aZ_09', true],
    ['\\w', 'é', false],
    ['\\W', '-', true],
    ['\\s+', ' \t\n\u000b\f\r', true],
    ['\\s', '\u00a0', false], // no-break space is not \s in Java
    ['\\S', '\u00a0', true],
    ['[\\d\\s]+', '1 2', true],
    ['[^\\d]', '5', false],
    ['[\\D]', '5', false],
    ['[\\W\\d]+', '-5', true],
    // quantifiers
    ['a*', '', true],
    ['a*', 'aaaa', true],
    ['a+', '', false],
    ['a?b', 'b', true],
    ['a{3}', 'aaa', true],
    ['a{3}', 'aa', false],
    ['a{2,}', 'aaaaa', true],
    ['a{2,}', 'a', false],
    ['a{2,3}', 'aaa', true],
    ['a{2,3}', 'aaaa', false],
    ['a{0}', '', true],
    ['a{0}b', 'ab', false],
    ['(ab){2}', 'abab', true],
    // lazy quantifiers are treated as greedy (they cannot change a whole match)
    ['a*?', 'aaa', true],
    ['a+?b', 'aab', true],
    ['a??', 'a', true],
    ['a{1,2}?', 'aa', true],
    // groups and alternation
    ['(?:t2|m4)\\.large', 'm4.large', true],
    ['(t2|m4)\\.large', 'c4.large', false],
    ['a|b|c', 'b', true],
    ['a|', '', true],
    ['|a', 'a', true],
    ['()', '', true],
    ['(a|ab)(c|bcd)(d*)', 'abcd', true],
    // anchors: zero-width, only at the start and the end of the value
    ['^abc$', 'abc', true],
    ['a^b', 'ab', false],
    ['a$b', 'ab', false],
    ['(^a|b)+', 'abb', true],
    ['(^a|b)+', 'bab', false],
    ['(a$|b)*', 'bba', true],
    ['^*a', 'a', true], // Java allows a quantifier on an anchor
    ['x$\\n', 'x\n', false], // `$` holds only at the very end (5.6), unlike Java before a final newline
    // characters the query language itself would split on are fine inside a pattern
    ['a b,c', 'a b,c', true],
    // case-sensitive
    ['prod', 'PROD', false],
  ])('%j on %j → %s', (pattern, value, expected) => {
    expect(matches(pattern, value)).toBe(expected);
  });

  // Linear time (5.6): these would take exponential time in a backtracking engine. The assertion is
  // on the result only; finishing at all is the point.
  it.each([
    ['(a*)*b', 'a'.repeat(5000), false],
    ['(a*)*b', `${'a'.repeat(5000)}b`, true],
    ['(a|a)*b', 'a'.repeat(5000), false],
    ['(a+)+$', `${'a'.repeat(5000)}!`, false],
    ['(x+x+)+y', 'x'.repeat(5000), false],
    ['(.*a){20}', 'a'.repeat(5000), true],
    ['(a?){1000}a{1000}', 'a'.repeat(1000), true],
  ])('pathological %j on %d chars → %s', (pattern, value, expected) => {
    expect(matches(pattern, value)).toBe(expected);
  });

  it('reuses one compiled program for many values', () => {
    const program = compileRegex('i-[0-9a-f]{8}');
    expect(['i-abcd1234', 'i-ABCD1234', 'i-wxyx7890', 'i-00000000'].map((v) => matchRegex(program, v)))
      .toEqual([true, false, false, true]);
  });
});

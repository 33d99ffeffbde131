// The Java-regex subset of semantics 5.6: every rejected feature and every malformed pattern gives
// its reason, both from the compiler and through the query parser (D48).
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../src/query/parse-query.ts';
import { MAX_REGEX_PROGRAM_SIZE, compileRegex } from '../../../../src/query/regex/compile-regex.ts';
import { RegexSyntaxError } from '../../../../src/query/regex/regex-syntax-error.ts';

function reasonOf(pattern: string): string {
  try {
    compileRegex(pattern);
  } catch (e) {
    expect(e).toBeInstanceOf(RegexSyntaxError);
    return (e as RegexSyntaxError).reason;
  }
  throw new Error(`${JSON.stringify(pattern)} compiled, but an error was expected`);
}

describe('compileRegex: features 5.6 rejects', () => {
  it.each([
    // backreferences
    ['(a)\\1', 'backreferences are not supported'],
    ['(a)(b)\\2', 'backreferences are not supported'],
    ['(?<n>a)\\k<n>', 'named groups are not supported'], // the group is reached first
    ['a\\k<n>', 'backreferences are not supported'],
    // lookaround and named groups
    ['(?=a)a', 'lookaround is not supported'],
    ['(?!a)b', 'lookaround is not supported'],
    ['(?<=a)b', 'lookaround is not supported'],
    ['(?<!a)b', 'lookaround is not supported'],
    ['(?<name>a)', 'named groups are not supported'],
    // inline flags
    ['(?i)abc', 'inline flags are not supported'],
    ['(?i:abc)', 'inline flags are not supported'],
    ['(?-i)abc', 'inline flags are not supported'],
    ['(?s).', 'inline flags are not supported'],
    // possessive quantifiers
    ['a*+', 'possessive quantifiers are not supported'],
    ['a++', 'possessive quantifiers are not supported'],
    ['a?+', 'possessive quantifiers are not supported'],
    ['a{2}+', 'possessive quantifiers are not supported'],
    ['a{2,}+', 'possessive quantifiers are not supported'],
    // \p{…} and POSIX classes
    ['\\p{Lower}', "character classes '\\p{…}' are not supported"],
    ['\\P{Alpha}', "character classes '\\P{…}' are not supported"],
    ['\\p{IsLatin}', "character classes '\\p{…}' are not supported"],
    ['[\\p{Digit}]', "character classes '\\p{…}' are not supported"],
    ['\\pL', "character classes '\\p{…}' are not supported"],
    ['[[:alpha:]]', 'nested character classes are not supported'], // POSIX brackets are a nested class in Java
    // boundary matchers
    ['\\ba', "boundary matcher '\\b' is not supported"],
    ['a\\B', "boundary matcher '\\B' is not supported"],
    ['\\Aa', "boundary matcher '\\A' is not supported"],
    ['a\\z', "boundary matcher '\\z' is not supported"],
    ['a\\Z', "boundary matcher '\\Z' is not supported"],
    ['\\Ga', "boundary matcher '\\G' is not supported"],
    // class intersection and nested classes
    ['[a-z&&[^b]]', "class intersection '&&' is not supported"],
    ['[a&&b]', "class intersection '&&' is not supported"],
    ['[a[bc]]', 'nested character classes are not supported'],
    ['[a-[bc]]', 'nested character classes are not supported'],
  ])('%j → %s', (pattern, reason) => {
    expect(reasonOf(pattern)).toBe(reason);
  });
});

describe('compileRegex: malformed patterns and constructs outside the subset', () => {
  it.each([
    ['(?>a)', 'atomic groups are not supported'],
    ['(?)', 'unknown group construct'],
    ['(?', 'unknown group construct'],
    ['\\x41', "escape '\\x' is not supported"],
    ['\\u0041', "escape '\\u' is not supported"],
    ['\\0101', "escape '\\0' is not supported"],
    ['\\cA', "escape '\\c' is not supported"],
    ['\\e', "escape '\\e' is not supported"],
    ['\\h', "escape '\\h' is not supported"],
    ['\\R', "escape '\\R' is not supported"],
    ['a\\E', "escape '\\E' is not supported"], // \E without \Q
    ['[\\y]', "escape '\\y' is not supported"],
    ['a\\', 'trailing backslash'],
    ['(a', 'unclosed group'],
    ['((a)', 'unclosed group'],
    ['a)', "unmatched ')'"],
    ['a)(', "unmatched ')'"],
    ['[a', 'unclosed character class'],
    ['[]', 'unclosed character class'], // `]` first in a class is a literal (Java)
    ['[^]', 'unclosed character class'],
    ['[z-a]', "invalid character class range 'z-a'"],
    ['[a-\\d]', "invalid character class range 'a-\\d'"],
    ['[\\d-z]', "invalid character class range '\\d-z'"],
    ['*a', "dangling quantifier '*'"],
    ['+', "dangling quantifier '+'"],
    ['?', "dangling quantifier '?'"],
    ['{2}', "dangling quantifier '{'"],
    ['a|*', "dangling quantifier '*'"],
    ['(*)', "dangling quantifier '*'"],
    ['a**', "dangling quantifier '*'"],
    ['a{2}{3}', "dangling quantifier '{'"],
    ['a*?*', "dangling quantifier '*'"],
    ['a{', 'illegal repetition'],
    ['a{x}', 'illegal repetition'],
    ['a{,3}', 'illegal repetition'],
    ['a{2', 'illegal repetition'],
    ['a{2,3', 'illegal repetition'],
    ['a{1001}', 'repetition count exceeds 1000'], // 5.6: n, m ≤ 1000
    ['a{0,1001}', 'repetition count exceeds 1000'],
    ['a{1001,}', 'repetition count exceeds 1000'],
    ['a{99999999999999999999}', 'repetition count exceeds 1000'],
    ['a{3,2}', 'invalid repetition range {3,2}'],
    // (a{1000}){1000}: 1,000 × 1,000 SET instructions
    ['(a{1000}){1000}', `regular expression is too large (more than ${MAX_REGEX_PROGRAM_SIZE} instructions)`],
    // \d{1000} is 1,000 instructions; 21 copies are 21,000 + MATCH > 20,000
    ['(\\d{1000}){21}', `regular expression is too large (more than ${MAX_REGEX_PROGRAM_SIZE} instructions)`],
  ])('%j → %s', (pattern, reason) => {
    expect(reasonOf(pattern)).toBe(reason);
  });

  it('refuses groups nested more than 100 deep: an error, never a stack overflow', () => {
    expect(reasonOf(`${'('.repeat(101)}a${')'.repeat(101)}`)).toBe('groups are nested more than 100 deep');
    expect(reasonOf('(?:'.repeat(100_000))).toBe('groups are nested more than 100 deep');
  });

  it('accepts the limits themselves', () => {
    expect(() => compileRegex(`${'('.repeat(100)}a${')'.repeat(100)}`)).not.toThrow();
    expect(() => compileRegex('a{1000}')).not.toThrow();
    expect(() => compileRegex('a{0,1000}')).not.toThrow();
    expect(() => compileRegex('a{1000,}')).not.toThrow();
    expect(() => compileRegex('(\\d{1000}){19}')).not.toThrow(); // 19,000 + MATCH
  });
});

describe('parseQuery reports the regex reason at the literal (D48)', () => {
  it.each([
    ["attribute:a =~ '(a)\\1'", 'Invalid expression at position 16: invalid regular expression: backreferences are not supported.'],
    ["attribute:a =~ '(?=a)'", 'Invalid expression at position 16: invalid regular expression: lookaround is not supported.'],
    ["attribute:a =~ '(?<n>a)'", 'Invalid expression at position 16: invalid regular expression: named groups are not supported.'],
    ["attribute:a matches '(?i)prod'", 'Invalid expression at position 21: invalid regular expression: inline flags are not supported.'],
    ['attribute:a =~ a*+', 'Invalid expression at position 16: invalid regular expression: possessive quantifiers are not supported.'],
    ['task:group !~ \\p{Alpha}', "Invalid expression at position 15: invalid regular expression: character classes '\\p{…}' are not supported."],
    ['ec2InstanceId =~ \\bi-.*', "Invalid expression at position 18: invalid regular expression: boundary matcher '\\b' is not supported."],
    ["agentConnected =~ '[a-z&&[^b]]'", "Invalid expression at position 19: invalid regular expression: class intersection '&&' is not supported."],
    ["attribute:a not_matches '[a[b]]'", 'Invalid expression at position 25: invalid regular expression: nested character classes are not supported.'],
  ])('%s', (text, message) => {
    expect(() => parseQuery(text)).toThrow(message);
  });
});

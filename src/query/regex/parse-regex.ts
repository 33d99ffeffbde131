// Parses a `=~` pattern in the Java-regex subset of semantics 5.6 into a small tree, rejecting every
// construct 5.6 lists as unsupported. Where 5.6 is silent the parser follows java.util.regex.Pattern:
// - `\Q…\E` is first rewritten into escaped characters, as Pattern's RemoveQEQuoting does, so a
//   quantifier after `\E` applies to the last quoted character and `\Q` works inside classes; a `\Q`
//   without `\E` quotes to the end of the pattern;
// - a backslash before any character that is not an ASCII letter or digit stands for that character
//   (Pattern: "a backslash may be used prior to a non-alphabetic character"), so `[\-]` and `\/` work;
//   before a letter or digit it must be one of the listed escapes;
// - `]` and `}` outside a class are literals; `]` right after `[` or `[^` is a literal; `-` first or
//   last in a class is a literal; `^` not first in a class is a literal;
// - characters are code points, so `.` matches a whole surrogate pair;
// - `.` excludes the line terminators \n \r \u0085 \u2028 \u2029 (no DOTALL);
// - quantifiers may follow an anchor (`^*`), which Pattern allows.
// Decisions beyond Pattern: a quantifier with nothing to repeat (at the start, after `(` or `|`, or
// after another quantifier, as in `a**` or `a{2}{3}`) is a `dangling quantifier`; a class range whose
// end is a predefined class (`[a-\d]`), or a `-` right after a predefined class (`[\d-z]`), is an
// invalid range.
import { QUERY } from '../../messages.ts';
import { type CodePointSet, DOT_SET, complementSet, normalizeSet, predefinedSet, singleton } from './code-point-set.ts';
import { RegexSyntaxError } from './regex-syntax-error.ts';

export type RegexNode =
  | { readonly type: 'set'; readonly set: CodePointSet }
  | { readonly type: 'begin' }
  | { readonly type: 'end' }
  | { readonly type: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alternation'; readonly items: readonly RegexNode[] }
  /** max is Infinity for `*`, `+` and `{n,}`. */
  | { readonly type: 'repeat'; readonly item: RegexNode; readonly min: number; readonly max: number };

/** 5.6: the quantifiers `{n}`, `{n,}` and `{n,m}` take n, m ≤ 1000. */
export const MAX_REPETITION = 1000;

/** Decision (synthesised): groups nest at most this deep, which bounds recursion in both engines. */
export const MAX_GROUP_NESTING = 100;

const R = QUERY.regex;
function fail(reason: string): never {
  throw new RegexSyntaxError(reason);
}

const isAsciiAlphanumeric = (ch: string) => /^[A-Za-z0-9]$/.test(ch);

/** Pattern's RemoveQEQuoting: `\Q…\E` becomes the quoted characters, each escaped unless alphanumeric. */
function removeQuoting(pattern: string): string {
  if (!pattern.includes('\\Q')) return pattern;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch !== '\\' || i + 1 >= pattern.length) {
      out += ch;
      i++;
      continue;
    }
    if (pattern[i + 1] !== 'Q') {
      out += pattern.slice(i, i + 2); // keep any other escape whole, so `\\Q` is not a quote
      i += 2;
      continue;
    }
    const close = pattern.indexOf('\\E', i + 2);
    const quoted = pattern.slice(i + 2, close < 0 ? pattern.length : close);
    for (const c of quoted) out += isAsciiAlphanumeric(c) ? c : `\\${c}`;
    i = close < 0 ? pattern.length : close + 2;
  }
  return out;
}

type ClassItem = { readonly single: number } | { readonly set: CodePointSet };

class RegexParser {
  private i = 0;
  private depth = 0;
  private readonly s: string;

  constructor(pattern: string) {
    this.s = removeQuoting(pattern);
  }

  parse(): RegexNode {
    const node = this.alternation();
    if (this.i < this.s.length) fail(R.unmatchedParenthesis); // only a `)` stops the top level early
    return node;
  }

  private peek(ahead = 0): string | undefined {
    return this.i + ahead < this.s.length ? this.s[this.i + ahead] : undefined;
  }

  /** Reads one code point (a surrogate pair counts as one character). */
  private nextCodePoint(): number {
    const cp = this.s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private alternation(): RegexNode {
    const items = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0] : { type: 'alternation', items };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    for (let ch = this.peek(); ch !== undefined && ch !== '|' && ch !== ')'; ch = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 ? items[0] : { type: 'concat', items };
  }

  private atom(): RegexNode {
    const ch = this.peek()!;
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return { type: 'set', set: this.characterClass() };
      case '.':
        this.i++;
        return { type: 'set', set: DOT_SET };
      case '^':
        this.i++;
        return { type: 'begin' };
      case '$':
        this.i++;
        return { type: 'end' };
      case '\\': {
        const item = this.escape();
        return { type: 'set', set: 'single' in item ? singleton(item.single) : item.set };
      }
      case '*':
      case '+':
      case '?':
      case '{':
        return fail(R.danglingQuantifier(ch));
      default:
        return { type: 'set', set: singleton(this.nextCodePoint()) };
    }
  }

  private group(): RegexNode {
    this.i++; // (
    if (this.peek() === '?') {
      const kind = this.peek(1);
      const after = this.peek(2);
      if (kind === ':') this.i += 2;
      else if (kind === '=' || kind === '!') fail(R.lookaround);
      else if (kind === '<' && (after === '=' || after === '!')) fail(R.lookaround);
      else if (kind === '<') fail(R.namedGroup);
      else if (kind === '>') fail(R.atomicGroup);
      else if (kind !== undefined && /[a-zA-Z-]/.test(kind)) fail(R.inlineFlags);
      else fail(R.unknownGroup);
    }
    if (++this.depth > MAX_GROUP_NESTING) fail(R.tooDeep(MAX_GROUP_NESTING));
    const inner = this.alternation();
    if (this.peek() !== ')') fail(R.unclosedGroup);
    this.i++;
    this.depth--;
    return inner;
  }

  private quantified(item: RegexNode): RegexNode {
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.i++;
      [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
    } else if (ch === '{') {
      [min, max] = this.repetition();
    } else {
      return item;
    }
    // 5.6: lazy quantifiers cannot change a whole-match result, so `*?` is `*`; possessive ones can.
    if (this.peek() === '?') this.i++;
    else if (this.peek() === '+') fail(R.possessive);
    return { type: 'repeat', item, min, max };
  }

  /** `{n}`, `{n,}` or `{n,m}`; anything else after `{` is Pattern's "Illegal repetition". */
  private repetition(): [number, number] {
    this.i++; // {
    const min = this.number();
    if (min === undefined) fail(R.illegalRepetition);
    let max = min;
    if (this.peek() === ',') {
      this.i++;
      max = this.number() ?? Infinity;
    }
    if (this.peek() !== '}') fail(R.illegalRepetition);
    this.i++;
    if (min > MAX_REPETITION || (max !== Infinity && max > MAX_REPETITION)) fail(R.repetitionTooLarge(MAX_REPETITION));
    if (max < min) fail(R.badRepetitionRange(min, max));
    return [min, max];
  }

  private number(): number | undefined {
    const start = this.i;
    while (this.peek() !== undefined && /[0-9]/.test(this.peek()!)) this.i++;
    if (this.i === start) return undefined;
    // Digits beyond 1000 only need to stay "too large", so clamp long runs.
    return Math.min(Number(this.s.slice(start, this.i)), Number.MAX_SAFE_INTEGER);
  }

  /** After a backslash: a single character or a predefined class (inside or outside a class). */
  private escape(): ClassItem {
    this.i++; // backslash
    const ch = this.peek();
    if (ch === undefined) return fail(R.trailingBackslash);
    switch (ch) {
      case 't': this.i++; return { single: 0x09 };
      case 'n': this.i++; return { single: 0x0a };
      case 'r': this.i++; return { single: 0x0d };
      case 'f': this.i++; return { single: 0x0c };
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        this.i++;
        return { set: predefinedSet(ch)! };
      case 'k':
        return fail(R.backreference); // \k<name>
      case 'p': case 'P':
        return fail(R.propertyClass(`\\${ch}`));
      case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
        return fail(R.boundary(`\\${ch}`));
    }
    if (/[1-9]/.test(ch)) return fail(R.backreference);
    if (isAsciiAlphanumeric(ch)) return fail(R.unsupportedEscape(`\\${ch}`));
    return { single: this.nextCodePoint() };
  }

  private characterClass(): CodePointSet {
    this.i++; // [
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const pairs: number[] = [];
    let first = true;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) return fail(R.unclosedClass);
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      if (ch === '[') fail(R.nestedClass);
      if (ch === '&' && this.peek(1) === '&') fail(R.intersection);
      const start = this.i;
      const item = this.classItem();
      first = false;
      // A `-` between two items makes a range, unless it is last (`[a-]`).
      const isRange = this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']';
      if (!isRange) {
        if ('single' in item) pairs.push(item.single, item.single);
        else pairs.push(...item.set);
        continue;
      }
      this.i++; // -
      if (this.peek() === '[') fail(R.nestedClass);
      const end = this.classItem();
      const text = this.s.slice(start, this.i);
      if (!('single' in item) || !('single' in end) || end.single < item.single) fail(R.badClassRange(text));
      pairs.push((item as { single: number }).single, (end as { single: number }).single);
    }
    const set = normalizeSet(pairs);
    return negated ? complementSet(set) : set;
  }

  private classItem(): ClassItem {
    return this.peek() === '\\' ? this.escape() : { single: this.nextCodePoint() };
  }
}

/** Parses a pattern; throws RegexSyntaxError with a 5.6 reason. */
export function parseRegex(pattern: string): RegexNode {
  return new RegexParser(pattern).parse();
}

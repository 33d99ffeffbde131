// Properties of the cluster query language (architecture.md §6), 1,600 runs in all:
// - parse(print(q)) deep-equals q for random trees (500 runs);
// - the regex engine agrees with JavaScript's RegExp `^(?:pattern)$` on random patterns of the 5.6
//   subset and random or likely-matching values (700 runs);
// - each negated operator is the exact negation of its positive form, and not(q) of q (400 runs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateQuery, type QueryInstance } from '../../../src/query/evaluate-query.ts';
import { parseQuery } from '../../../src/query/parse-query.ts';
import { printQuery } from '../../../src/query/print-query.ts';
import type { PredicateOperator, QueryExpression, QueryPredicate, QuerySubject } from '../../../src/query/query-ast.ts';
import { compileRegex } from '../../../src/query/regex/compile-regex.ts';
import { matchRegex } from '../../../src/query/regex/match-regex.ts';
import { OPERATORS_BY_SUBJECT } from '../../../src/query/subject-operators.ts';

// ── Random regexes of the 5.6 subset, each with an equivalent JavaScript pattern ─────────────────

type Re =
  | { t: 'char'; ch: string }
  | { t: 'escape'; ch: string } // a metacharacter escape: \. \* …
  | { t: 'control'; ch: 't' | 'n' | 'r' | 'f' }
  | { t: 'dot' }
  | { t: 'predefined'; ch: 'd' | 'D' | 'w' | 'W' | 's' | 'S' }
  | { t: 'class'; negated: boolean; items: ClassItem[] }
  | { t: 'quote'; text: string }
  | { t: 'group'; capturing: boolean; inner: Re }
  | { t: 'alternation'; items: Re[] }
  | { t: 'concat'; items: Re[] }
  | { t: 'repeat'; item: Re; q: string; lazy: boolean }
  | { t: 'anchor'; ch: '^' | '$' };
type ClassItem =
  | { t: 'char'; ch: string }
  | { t: 'escape'; ch: string }
  | { t: 'range'; from: string; to: string }
  | { t: 'predefined'; ch: 'd' | 'D' | 'w' | 'W' | 's' | 'S' };

// Characters that mean themselves both in Java and in JavaScript's `u` mode.
const LITERALS = ['a', 'b', 'c', '0', '1', '-', '_', ' ', ',', ':', '/', '=', '!', '#', 'é', '😀'];
const CLASS_LITERALS = ['a', 'b', 'c', 'x', '0', '1', '9', '_', ' ', '.', '*', '(', '|', '$', 'é', '😀'];
const METACHARACTERS = ['.', '\\', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$'];
// Values: no Unicode spaces, no \u2028/\u2029 (JavaScript's \s would take them), but \u0085 (see `.`).
const VALUE_CHARACTERS = ['a', 'b', 'c', 'x', '0', '1', '9', '-', '_', ' ', '.', '*', '(', ')', ']', '^', '$', '|',
  ',', ':', '/', '\\', 'é', '😀', '😁', '\n', '\r', '\t', '\u0085', 'Z'];

const CONTROL: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };
const JS_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]'; // Java's `.`; JavaScript's would take \u0085
const escapeJs = (ch: string) => (METACHARACTERS.includes(ch) ? `\\${ch}` : ch);

const classItem: fc.Arbitrary<ClassItem> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CLASS_LITERALS).map((ch) => ({ t: 'char', ch }) as const) },
  fc.constantFrom(']', '[', '\\', '-', '^').map((ch) => ({ t: 'escape', ch }) as const),
  fc.constantFrom(['a', 'c'], ['0', '9'], ['b', 'x'], ['😀', '😁'], ['a', 'a']).map(([from, to]) => ({ t: 'range', from, to }) as const),
  fc.constantFrom('d', 'D', 'w', 'W', 's', 'S').map((ch) => ({ t: 'predefined', ch }) as const),
);

const atomLeaf: fc.Arbitrary<Re> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LITERALS).map((ch) => ({ t: 'char', ch }) as const) },
  fc.constantFrom(...METACHARACTERS).map((ch) => ({ t: 'escape', ch }) as const),
  fc.constantFrom('t', 'n', 'r', 'f').map((ch) => ({ t: 'control', ch }) as const),
  { weight: 2, arbitrary: fc.constant({ t: 'dot' } as const) },
  fc.constantFrom('d', 'D', 'w', 'W', 's', 'S').map((ch) => ({ t: 'predefined', ch }) as const),
  { weight: 2, arbitrary: fc.record({ negated: fc.boolean(), items: fc.array(classItem, { minLength: 1, maxLength: 4 }) }).map((c) => ({ t: 'class', ...c }) as const) },
  fc.array(fc.constantFrom('a', 'b', '.', '*', '(', ')', '|', '[', '\\', '^', '$', '-', '{'), { minLength: 1, maxLength: 3 })
    .filter((cs) => !cs.join('').includes('\\E'))
    .map((cs) => ({ t: 'quote', text: cs.join('') }) as const),
);

const QUANTIFIERS = ['*', '+', '?', '{0}', '{1}', '{2}', '{0,}', '{1,}', '{2,}', '{0,1}', '{1,3}', '{2,2}'];

const regexTree = fc.letrec<{ alternation: Re; concat: Re; piece: Re; atom: Re }>((tie) => ({
  alternation: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('concat'),
    fc.array(tie('concat'), { minLength: 2, maxLength: 3 }).map((items) => ({ t: 'alternation', items }) as const),
  ),
  concat: fc.array(tie('piece'), { minLength: 0, maxLength: 4 }).map((items) => ({ t: 'concat', items }) as const),
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: tie('atom') },
    { weight: 2, arbitrary: fc.record({ item: tie('atom'), q: fc.constantFrom(...QUANTIFIERS), lazy: fc.boolean() }).map((r) => ({ t: 'repeat', ...r }) as const) },
    fc.constantFrom('^', '$').map((ch) => ({ t: 'anchor', ch }) as const),
  ),
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: atomLeaf },
    fc.record({ capturing: fc.boolean(), inner: tie('alternation') }).map((g) => ({ t: 'group', ...g }) as const),
  ),
})).alternation;

function classItemText(item: ClassItem, js: boolean): string {
  switch (item.t) {
    case 'char': return item.ch;
    case 'escape': return `\\${item.ch}`;
    case 'range': return `${item.from}-${item.to}`;
    case 'predefined': return js && item.ch === 's' ? '\\t\\n\\v\\f\\r ' : `\\${item.ch}`;
  }
}

/** The pattern in Java syntax (js = false) or as an equivalent JavaScript `u`-mode pattern. */
function patternText(re: Re, js: boolean): string {
  switch (re.t) {
    case 'char': return re.ch;
    case 'escape': return `\\${re.ch}`;
    case 'control': return `\\${re.ch}`;
    case 'dot': return js ? JS_DOT : '.';
    case 'predefined':
      if (js && re.ch === 's') return '[\\t\\n\\v\\f\\r ]';
      if (js && re.ch === 'S') return '[^\\t\\n\\v\\f\\r ]';
      return `\\${re.ch}`;
    case 'class': return `[${re.negated ? '^' : ''}${re.items.map((i) => classItemText(i, js)).join('')}]`;
    case 'quote': return js ? [...re.text].map(escapeJs).join('') : `\\Q${re.text}\\E`;
    case 'group': return `(${re.capturing ? '' : '?:'}${patternText(re.inner, js)})`;
    case 'alternation': return re.items.map((i) => patternText(i, js)).join('|');
    case 'concat': return re.items.map((i) => patternText(i, js)).join('');
    case 'repeat': return `${patternText(re.item, js)}${re.q}${re.lazy ? '?' : ''}`;
    case 'anchor': return re.ch;
  }
}

/** A value the pattern is likely to match, drawn with `next()`; JavaScript decides the truth. */
function sampleValue(re: Re, next: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[next() % xs.length];
  const fits = (js: string) => VALUE_CHARACTERS.filter((c) => new RegExp(`^(?:${js})$`, 'u').test(c));
  switch (re.t) {
    case 'char': return re.ch;
    case 'escape': return re.ch;
    case 'control': return CONTROL[re.ch];
    case 'quote': return re.text;
    case 'dot':
    case 'predefined':
    // one time in four any character, so near misses (\u0085 for `.`, \n for `\S`) are tried too
    case 'class': return next() % 4 === 0 ? pick(VALUE_CHARACTERS) : pick(fits(patternText(re, true)).concat(['a']));
    case 'group': return sampleValue(re.inner, next);
    case 'alternation': return sampleValue(pick(re.items), next);
    case 'concat': return re.items.map((i) => sampleValue(i, next)).join('');
    case 'repeat': {
      const m = /^\{(\d+)(,(\d*))?\}$/.exec(re.q);
      const min = re.q === '+' ? 1 : m ? Number(m[1]) : 0;
      const max = re.q === '?' ? 1 : m && m[2] === undefined ? min : m && m[3] ? Number(m[3]) : min + 2;
      return Array.from({ length: min + (next() % (max - min + 1)) }, () => sampleValue(re.item, next)).join('');
    }
    case 'anchor': return '';
  }
}

describe('the regex engine agrees with JavaScript RegExp on the 5.6 subset', () => {
  it('on random patterns and random values (400 runs)', () => {
    fc.assert(
      fc.property(regexTree, fc.array(fc.string({ unit: fc.constantFrom(...VALUE_CHARACTERS), maxLength: 6 }), { minLength: 1, maxLength: 5 }), (re, values) => {
        const program = compileRegex(patternText(re, false));
        const js = new RegExp(`^(?:${patternText(re, true)})$`, 'u');
        for (const value of values) expect(matchRegex(program, value), `${patternText(re, false)} on ${JSON.stringify(value)}`).toBe(js.test(value));
      }),
      { numRuns: 400 },
    );
  });

  it('on random patterns and values built to match them (300 runs)', () => {
    fc.assert(
      fc.property(regexTree, fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (re, draws) => {
        let k = 0;
        const value = sampleValue(re, () => draws[k++ % draws.length] + k);
        const program = compileRegex(patternText(re, false));
        const js = new RegExp(`^(?:${patternText(re, true)})$`, 'u');
        expect(matchRegex(program, value), `${patternText(re, false)} on ${JSON.stringify(value)}`).toBe(js.test(value));
      }),
      { numRuns: 300 },
    );
  });
});

// ── Random query trees ──────────────────────────────────────────────────────────────────────────

const SIMPLE_SUBJECTS = ['task:group', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount'] as const;

const subjectArb: fc.Arbitrary<QuerySubject> = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/).map((name) => ({ kind: 'attribute', name }) as const) },
  fc.constantFrom(...SIMPLE_SUBJECTS).map((kind) => ({ kind }) as const),
);

// Any value without a quote, including ones that must be quoted: keywords, symbols, punctuation, spaces.
const literalArb = fc.oneof(
  fc.constantFrom('and', 'OR', 'Not', 'in', 'exists', '==', '!x', '>=1', '||', '&&', '=x', '', ' ', 'a b', 'a,b', '(x)',
    '[x]', 't2.*', 'service:web', 'i-abcd1234', 'tab\there', '\u00a0', 'é😀', '-1', '1.14.5'),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '*', '-', ':', '/', '@', ' ', ',', '(', ']', '!', '=', '<', '|', '&', '\t', 'é'), maxLength: 8 }),
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateArb = fc.record({
  year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }),
  zone: fc.constantFrom('date', '', 'Z', '+00:00', '-05:30', '+14:00'),
}).map((d) => {
  const date = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  return d.zone === 'date' ? date : `${date}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${d.zone}`;
});

const patternArb = regexTree.map((re) => patternText(re, false)).filter((p) => !p.includes("'"));

const predicateArb: fc.Arbitrary<QueryPredicate> = subjectArb.chain((subject) =>
  fc.constantFrom(...OPERATORS_BY_SUBJECT[subject.kind]).chain((operator): fc.Arbitrary<QueryPredicate> => {
    switch (operator) {
      case 'exists':
      case '!exists':
        return fc.constant({ kind: 'existence', subject, operator });
      case 'in':
      case '!in':
        return fc.array(literalArb, { minLength: 1, maxLength: 4 }).map((values) => ({ kind: 'list', subject, operator, values }));
      case '=~':
      case '!~':
        return patternArb.map((pattern) => ({ kind: 'match', subject, operator, pattern }));
      default:
        return (subject.kind === 'registeredAt' ? dateArb : literalArb).map((value) => ({ kind: 'comparison', subject, operator, value }));
    }
  }),
);

const expressionArb = fc.letrec<{ expression: QueryExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: predicateArb },
    tie('expression').map((operand) => ({ kind: 'not', operand }) as const),
    fc.array(tie('expression'), { minLength: 2, maxLength: 3 }).map((operands) => ({ kind: 'and', operands }) as const),
    fc.array(tie('expression'), { minLength: 2, maxLength: 3 }).map((operands) => ({ kind: 'or', operands }) as const),
  ),
})).expression;

describe('printQuery and parseQuery', () => {
  it('parse(print(q)) deep-equals q for random trees (500 runs)', () => {
    fc.assert(
      fc.property(expressionArb, (q) => {
        const text = printQuery(q);
        expect(parseQuery(text), text).toEqual(q);
      }),
      { numRuns: 500 },
    );
  });
});

// ── Negation ────────────────────────────────────────────────────────────────────────────────────

const instanceArb: fc.Arbitrary<QueryInstance> = fc.record({
  attributes: fc.dictionary(fc.constantFrom('a', 'b', 'stack'), fc.option(fc.constantFrom('1', '10', '2.5', 'prod', 'x', ''), { nil: null })),
  taskGroups: fc.array(fc.constantFrom('service:web', 'service:db', 'family:x'), { maxLength: 3 }),
  agentConnected: fc.boolean(),
  agentVersion: fc.option(fc.constantFrom('1.14.5', '1.17.3', '1.9'), { nil: undefined }),
  ec2InstanceId: fc.constantFrom('i-1', 'i-abcd1234'),
  registeredAt: fc.constantFrom(Date.UTC(2018, 4, 22), Date.UTC(2018, 4, 22, 12)),
  runningTasksCount: fc.nat(12),
});

const NEGATION: Partial<Record<PredicateOperator, PredicateOperator>> = { '==': '!=', in: '!in', '=~': '!~', exists: '!exists' };
const smallLiteral = fc.constantFrom('1', '10', '2.5', 'prod', 'x', '', 'service:web', 'true', 'i-1', '1.17.3');

/** A predicate with a positive operator, drawn from small pools so that both outcomes happen. */
const positivePredicateArb: fc.Arbitrary<QueryPredicate> = fc.oneof(
  fc.constantFrom('a', 'b', 'stack').map((name) => ({ kind: 'attribute', name }) as const),
  fc.constantFrom(...SIMPLE_SUBJECTS).map((kind) => ({ kind }) as const),
).chain((subject) =>
  fc.constantFrom(...OPERATORS_BY_SUBJECT[subject.kind].filter((op) => op in NEGATION)).chain((operator): fc.Arbitrary<QueryPredicate> => {
    if (operator === 'exists') return fc.constant({ kind: 'existence', subject, operator });
    if (operator === 'in') return fc.array(smallLiteral, { minLength: 1, maxLength: 3 }).map((values) => ({ kind: 'list', subject, operator, values }));
    if (operator === '=~') return fc.constantFrom('.*', 'p.*', '\\d+', 'service:.*', 't.*', '').map((pattern) => ({ kind: 'match', subject, operator, pattern }));
    const value = subject.kind === 'registeredAt' ? fc.constantFrom('2018-05-22', '2018-05-22T12:00:00Z') : smallLiteral;
    return value.map((v) => ({ kind: 'comparison', subject, operator: '==', value: v }));
  }),
);

describe('negated operators', () => {
  it('!=, !in, !~ and !exists are the exact negations of ==, in, =~ and exists (250 runs)', () => {
    fc.assert(
      fc.property(positivePredicateArb, instanceArb, (positive, instance) => {
        const negated = { ...positive, operator: NEGATION[positive.operator]! } as QueryPredicate;
        // both also survive a round trip through text
        expect(evaluateQuery(parseQuery(printQuery(negated)), instance)).toBe(!evaluateQuery(parseQuery(printQuery(positive)), instance));
      }),
      { numRuns: 250 },
    );
  });

  it('not(q) is the negation of q for random trees (150 runs)', () => {
    fc.assert(
      fc.property(expressionArb, instanceArb, (q, instance) => {
        expect(evaluateQuery({ kind: 'not', operand: q }, instance)).toBe(!evaluateQuery(q, instance));
      }),
      { numRuns: 150 },
    );
  });
});

// The parser of the cluster query language (semantics 5.1–5.3, errors per D48).
// Recursive descent over the tokens of tokenize.ts, one function per grammar rule of 5.1, with the
// precedence `not` > `and` > `or` (5.1, D16). It checks, left to right and stopping at the first
// problem: the grammar, the subject (5.4), the operator against the subject (5.3), registeredAt
// dates (5.5) and regexes (5.6, compiled here once per expression).
//
// Decisions where 5.1–5.3 are silent:
// - Keywords (`and or not equals not_equals greater_than greater_than_equal less_than less_than_equal
//   exists not_exists in not_in matches not_matches`) are reserved words, matched case-insensitively
//   (ASCII case folding, 5.2). Where a subject or a literal is expected, a bare keyword is an unexpected
//   token; quote it (`'in'`) to use it as a value.
// - A `!` forms `!exists`/`!in` only when the word follows with no space (`!exists`, `!IN`), 5.2.
// - An unterminated quote is reported as the end of the expression where a literal is expected, and
//   as an unexpected token elsewhere.
// - The offending token of the operator check is the operator, as written (`GREATER_THAN`).
// - At most MAX_QUERY_NESTING parentheses and negations may be open at once; the one beyond is an
//   unexpected token. (No real expression comes near; it keeps recursion bounded in both engines.)
import { QUERY } from '../messages.ts';
import { rememberRegex } from './match-predicate-regex.ts';
import { parseRegisteredAt } from './parse-registered-at.ts';
import type {
  ComparisonOperator, ListOperator, MatchOperator, PredicateOperator, QueryExpression, QueryPredicate,
  QuerySubject, SimpleSubjectKind,
} from './query-ast.ts';
import { subjectText } from './query-ast.ts';
import { QueryParseError } from './query-parse-error.ts';
import { type RegexProgram, compileRegex } from './regex/compile-regex.ts';
import { RegexSyntaxError } from './regex/regex-syntax-error.ts';
import { isOperatorValidFor } from './subject-operators.ts';
import { type Token, tokenize } from './tokenize.ts';

/** 5.3: the word spelling of each operator. */
export const WORD_OPERATORS: Readonly<Record<string, PredicateOperator>> = {
  equals: '==', not_equals: '!=',
  greater_than: '>', greater_than_equal: '>=', less_than: '<', less_than_equal: '<=',
  exists: 'exists', not_exists: '!exists',
  in: 'in', not_in: '!in',
  matches: '=~', not_matches: '!~',
};

const SYMBOL_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '>', '>=', '<', '<=', '=~', '!~']);

/** Every reserved word, lower case. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', ...Object.keys(WORD_OPERATORS)]);

const SIMPLE_SUBJECTS: readonly SimpleSubjectKind[] = [
  'task:group', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount',
];

/** Decision (synthesised): how many `(` / `not` / `!` may be open at once. */
export const MAX_QUERY_NESTING = 100;

/** 5.1 `attr_name` (and 4.7): 1 to 128 of [A-Za-z0-9._-]. */
export const ATTRIBUTE_NAME = /^[A-Za-z0-9._-]{1,128}$/;

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The subject a bare literal names, if any (case-sensitive, 5.2). */
function subjectOf(text: string): QuerySubject | undefined {
  if (text.startsWith('attribute:')) {
    const name = text.slice('attribute:'.length);
    return ATTRIBUTE_NAME.test(name) ? { kind: 'attribute', name } : undefined;
  }
  const kind = SIMPLE_SUBJECTS.find((s) => s === text);
  return kind === undefined ? undefined : { kind };
}

const isWord = (token: Token | undefined, word: string) => token?.kind === 'bare' && asciiLower(token.text) === word;
const isSymbol = (token: Token | undefined, symbol: string) => token?.kind === 'symbol' && token.text === symbol;
const isPunctuation = (token: Token | undefined, p: string) => token?.kind === 'punctuation' && token.text === p;

class QueryParser {
  private k = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): QueryExpression {
    const expression = this.orExpression();
    const extra = this.peek();
    if (extra !== undefined) throw this.unexpected(extra);
    return expression;
  }

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.k + ahead];
  }

  private endOfExpression(): QueryParseError {
    return new QueryParseError(this.text.length + 1, QUERY.unexpectedEnd);
  }

  private unexpected(token: Token): QueryParseError {
    return new QueryParseError(token.position, QUERY.unexpectedToken(token.text));
  }

  /** The next token, which must exist. */
  private require(): Token {
    const token = this.peek();
    if (token === undefined) throw this.endOfExpression();
    return token;
  }

  // or_expr = and_expr , { ( "or" | "||" ) , and_expr }
  private orExpression(): QueryExpression {
    const operands = [this.andExpression()];
    while (isWord(this.peek(), 'or') || isSymbol(this.peek(), '||')) {
      this.k++;
      operands.push(this.andExpression());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  // and_expr = unary , { ( "and" | "&&" ) , unary }
  private andExpression(): QueryExpression {
    const operands = [this.unary()];
    while (isWord(this.peek(), 'and') || isSymbol(this.peek(), '&&')) {
      this.k++;
      operands.push(this.unary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  // unary = ( "not" | "!" ) , unary | "(" , expression , ")" | predicate
  private unary(): QueryExpression {
    const token = this.require();
    const negation = isWord(token, 'not') || isSymbol(token, '!');
    if (negation || isPunctuation(token, '(')) {
      if (this.depth === MAX_QUERY_NESTING) throw this.unexpected(token);
      this.depth++;
      this.k++;
      const inner = negation ? { kind: 'not' as const, operand: this.unary() } : this.orExpression();
      if (!negation) {
        const close = this.require();
        if (!isPunctuation(close, ')')) throw this.unexpected(close);
        this.k++;
      }
      this.depth--;
      return inner;
    }
    if (token.kind === 'bare' && !KEYWORDS.has(asciiLower(token.text))) return this.predicate();
    throw this.unexpected(token);
  }

  // predicate = subject , unary_op | subject , binary_op , literal | subject , list_op , list
  private predicate(): QueryPredicate {
    const subjectToken = this.require();
    this.k++;
    const subject = subjectOf(subjectToken.text);
    if (subject === undefined) throw new QueryParseError(subjectToken.position, QUERY.unknownSubject(subjectToken.text));

    const operatorToken = this.require();
    const found = this.operator();
    if (found === undefined) throw this.unexpected(operatorToken);
    if (!isOperatorValidFor(subject, found.operator)) {
      throw new QueryParseError(operatorToken.position, QUERY.operatorNotValid(found.text, subjectText(subject)));
    }
    this.k += found.tokens;

    const operator = found.operator;
    switch (operator) {
      case 'exists':
      case '!exists':
        return { kind: 'existence', subject, operator };
      case 'in':
      case '!in':
        return { kind: 'list', subject, operator: operator satisfies ListOperator, values: this.list() };
      case '=~':
      case '!~': {
        const literal = this.literal();
        let program: RegexProgram;
        try {
          program = compileRegex(literal.value);
        } catch (e) {
          if (e instanceof RegexSyntaxError) throw new QueryParseError(literal.position, QUERY.invalidRegex(e.reason));
          throw e;
        }
        const predicate = { kind: 'match', subject, operator: operator satisfies MatchOperator, pattern: literal.value } as const;
        rememberRegex(predicate, program);
        return predicate;
      }
      default: {
        const literal = this.literal();
        // 5.5: a registeredAt literal in none of the four formats of 5.4 is a parse error.
        if (subject.kind === 'registeredAt' && parseRegisteredAt(literal.value) === undefined) {
          throw new QueryParseError(literal.position, QUERY.invalidDate(literal.value));
        }
        return { kind: 'comparison', subject, operator: operator satisfies ComparisonOperator, value: literal.value };
      }
    }
  }

  /** The operator at the cursor, without consuming it: a symbol, a word, or `!` + `exists`/`in`. */
  private operator(): { operator: PredicateOperator; text: string; tokens: number } | undefined {
    const token = this.peek()!;
    if (token.kind === 'symbol') {
      if (SYMBOL_OPERATORS.has(token.text)) return { operator: token.text as PredicateOperator, text: token.text, tokens: 1 };
      const word = this.peek(1);
      // 5.2: `!` directly followed by `exists` or `in`, in operator position, is `!exists` / `!in`.
      if (token.text === '!' && word?.kind === 'bare' && word.position === token.position + 1) {
        const lower = asciiLower(word.text);
        if (lower === 'exists' || lower === 'in') {
          return { operator: lower === 'exists' ? '!exists' : '!in', text: `!${word.text}`, tokens: 2 };
        }
      }
      return undefined;
    }
    if (token.kind !== 'bare') return undefined;
    const operator = WORD_OPERATORS[asciiLower(token.text)];
    return operator === undefined ? undefined : { operator, text: token.text, tokens: 1 };
  }

  // list = "[" , literal , { "," , literal } , "]"
  private list(): string[] {
    const open = this.require();
    if (!isPunctuation(open, '[')) throw this.unexpected(open);
    this.k++;
    const values = [this.literal().value];
    for (;;) {
      const token = this.require();
      this.k++;
      if (isPunctuation(token, ']')) return values;
      if (!isPunctuation(token, ',')) throw this.unexpected(token);
      values.push(this.literal().value);
    }
  }

  // literal = bare_literal | quoted_literal
  private literal(): Token {
    const token = this.require();
    if (token.kind === 'unterminated') throw this.endOfExpression();
    if (token.kind === 'quoted' || (token.kind === 'bare' && !KEYWORDS.has(asciiLower(token.text)))) {
      this.k++;
      return token;
    }
    throw this.unexpected(token);
  }
}

/** Parses a cluster query expression; throws QueryParseError with the D48 message. */
export function parseQuery(text: string): QueryExpression {
  return new QueryParser(text, tokenize(text)).parse();
}

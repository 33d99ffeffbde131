// The scanner of the cluster query language, exactly as semantics 5.2 describes it:
// skip whitespace; `( ) [ ] ,` are punctuation and `'` opens a quoted literal; otherwise the longest
// symbolic operator at that point is the token; otherwise the token is a bare literal, the longest run
// of characters other than whitespace, `( ) [ ] ,` and `'`. So `a==b` is ONE bare literal, and `!(` is
// `!` then `(`. Words (`and`, `exists`, …) are bare literals here; the parser decides what they mean
// from where they stand, which is also where `!` + `exists`/`in` become `!exists`/`!in`.
// Scanning never fails: an unterminated quote becomes an `unterminated` token that the parser reports
// when it reaches it, so errors still come out left to right.

export type TokenKind = 'punctuation' | 'symbol' | 'bare' | 'quoted' | 'unterminated';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token, quotes included. */
  readonly text: string;
  /** The literal's value: the text without its quotes for a quoted literal, else the text. */
  readonly value: string;
  /** 1-based offset of the token's first character, in UTF-16 code units (D48). */
  readonly position: number;
}

/** 5.2: the symbolic operators, longest first so that the longest match wins. */
export const SYMBOLIC_OPERATORS = ['==', '!=', '>=', '<=', '=~', '!~', '&&', '||', '>', '<', '!'] as const;

const PUNCTUATION = '()[],';

/** Whitespace separates tokens (5.2). Decision: the ASCII whitespace characters. */
export function isQueryWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

/** Ends a bare literal: whitespace, punctuation or a quote (5.2). */
export function endsBareLiteral(ch: string): boolean {
  return isQueryWhitespace(ch) || PUNCTUATION.includes(ch) || ch === "'";
}

/** The symbolic operator that `text` starts with at `at`, if any (longest match). */
export function symbolicOperatorAt(text: string, at: number): string | undefined {
  return SYMBOLIC_OPERATORS.find((op) => text.startsWith(op, at));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isQueryWhitespace(ch)) {
      i++;
      continue;
    }
    const position = i + 1;
    if (PUNCTUATION.includes(ch)) {
      tokens.push({ kind: 'punctuation', text: ch, value: ch, position });
      i++;
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) {
        tokens.push({ kind: 'unterminated', text: text.slice(i), value: text.slice(i + 1), position });
        break;
      }
      tokens.push({ kind: 'quoted', text: text.slice(i, close + 1), value: text.slice(i + 1, close), position });
      i = close + 1;
      continue;
    }
    const op = symbolicOperatorAt(text, i);
    if (op !== undefined) {
      tokens.push({ kind: 'symbol', text: op, value: op, position });
      i += op.length;
      continue;
    }
    let end = i;
    while (end < text.length && !endsBareLiteral(text[end])) end++;
    const word = text.slice(i, end);
    tokens.push({ kind: 'bare', text: word, value: word, position });
    i = end;
  }
  return tokens;
}

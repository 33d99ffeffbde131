// Where a JSON text goes wrong, as line and column: Node 20's JSON.parse says only "Unexpected
// token" with no position, so this scans the text itself (RFC 8259 grammar) and stops at the first
// fault. Called only after JSON.parse has failed.

export interface JsonFault {
  /** 1-based line and column (in UTF-16 code units, as editors count them for the BMP). */
  line: number;
  column: number;
  /** What was expected or found there. */
  detail: string;
}

class Fault {
  constructor(readonly offset: number, readonly detail: string) {}
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function describe(text: string, i: number): string {
  if (i >= text.length) return 'unexpected end of file';
  const ch = text[i];
  const shown = ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : ch;
  return `unexpected '${shown}'`;
}

/** The first fault of `text` as JSON, or undefined when it is valid JSON. */
export function findJsonFault(text: string): JsonFault | undefined {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const fail = (expected?: string): never => {
    throw new Fault(i, expected ? `${describe(text, i)}, expected ${expected}` : describe(text, i));
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) throw new Fault(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) { i++; return; }
      if (c < 0x20) throw new Fault(i, 'control character in a string (write it as an escape such as \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else throw new Fault(i, `bad escape '\\${e ?? ''}' in a string`);
      } else i++;
    }
  };
  const value = (): void => {
    skip();
    const ch = text[i];
    if (ch === '{') {
      i++;
      skip();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        skip();
        if (text[i] !== '"') fail('a member name in double quotes');
        string();
        skip();
        if (text[i] !== ':') fail("':'");
        i++;
        value();
        skip();
        if (text[i] === ',') {
          i++;
          skip();
          if (text[i] === '}') fail('another member (a trailing comma is not JSON)');
          continue;
        }
        if (text[i] === '}') { i++; return; }
        fail("',' or '}'");
      }
    }
    if (ch === '[') {
      i++;
      skip();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value();
        skip();
        if (text[i] === ',') {
          i++;
          skip();
          if (text[i] === ']') fail('another value (a trailing comma is not JSON)');
          continue;
        }
        if (text[i] === ']') { i++; return; }
        fail("',' or ']'");
      }
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) { i += word.length; return; }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '-') { i += m[0].length; return; }
    fail('a value');
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte-order mark is tolerated by editors; JSON.parse refuses it
    value();
    skip();
    if (i < text.length) fail('the end of the file');
    return undefined;
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    return { ...lineAndColumn(text, error.offset), detail: error.detail };
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

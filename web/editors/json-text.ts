// The JSON tab: the request pretty-printed as `--cli-input-json` takes it, and parsing what the user
// typed back, with the position of a syntax error.

export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);

export interface JsonProblem {
  message: string;
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based line and column of the offset. */
  line: number;
  column: number;
}

export type ParsedRequest = { value: Record<string, unknown> } | { problem: JsonProblem };

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function problemAt(text: string, message: string, offset: number): { problem: JsonProblem } {
  const at = Math.max(0, Math.min(offset, text.length));
  return { problem: { message, offset: at, ...lineAndColumn(text, at) } };
}

/**
 * Parses the JSON tab. The engine's message carries the offset (`… in JSON at position 12`, V8);
 * without one (`Unexpected end of JSON input`) the problem is at the end of the text.
 */
export function parseRequestJson(text: string): ParsedRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    return problemAt(text, message.replace(/\s*\(line \d+ column \d+\)$/, ''), match ? Number(match[1]) : text.length);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return problemAt(text, 'The request must be a JSON object ({ … }), as --cli-input-json takes it.', text.search(/\S/) < 0 ? 0 : text.search(/\S/));
  }
  return { value: value as Record<string, unknown> };
}

/** How the editor writes a problem: `Line 3, column 5: <message>`. */
export const describeJsonProblem = (p: JsonProblem): string => `Line ${p.line}, column ${p.column} (offset ${p.offset}): ${p.message}`;

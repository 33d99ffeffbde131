// Reads a scenario or variants file for `check` and `what-if`: refuses a missing file, a directory
// and a file over 16 MB before reading it, and turns a JSON syntax error into `file:line:column`.
import { readFile, stat } from 'node:fs/promises';
import { CliInputError } from './cli-input-error.ts';
import { CLI } from '../messages.ts';
import { findJsonFault } from './json-error-position.ts';

/** The largest file the CLI reads (synthesised: ImportScenario's documents are far smaller; a guard, not a 2018 limit). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The file's JSON value. Throws CliInputError with a message naming the file (and the place of a syntax error). */
export async function readJsonFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<unknown> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliInputError(CLI.notAFile(file));
    size = info.size;
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliInputError(code === 'ENOENT' ? CLI.fileMissing(file) : CLI.unreadable(file, (error as Error).message));
  }
  if (size > maxBytes) throw new CliInputError(CLI.tooLarge(file, size, maxBytes));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliInputError(CLI.unreadable(file, (error as Error).message));
  }
  return parseJsonText(file, text);
}

/** JSON.parse with the fault's line and column in the message. */
export function parseJsonText(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark, as some editors write
  try {
    return JSON.parse(body);
  } catch (error) {
    const fault = findJsonFault(body) ?? { line: 1, column: 1, detail: (error as Error).message };
    throw new CliInputError(CLI.notJson(file, fault.line, fault.column, fault.detail));
  }
}

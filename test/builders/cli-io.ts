// A CommandIo that keeps what `check` / `what-if` write: stdout text, stderr lines, and the raw
// progress stream (a TTY or not).
import type { CommandIo } from '../../src/cli/command-io.ts';

export interface CapturedIo extends CommandIo {
  stdout(): string;
  stderr(): string[];
  /** Everything written to the progress stream. */
  progressWrites(): string;
}

export function captureIo(options: { tty?: boolean } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  let progress = '';
  return {
    out: (text) => out.push(text),
    err: (line) => err.push(line),
    progress: { isTTY: options.tty ?? false, write: (chunk: string) => (progress += chunk) },
    stdout: () => out.join('\n'),
    stderr: () => err,
    progressWrites: () => progress,
  };
}

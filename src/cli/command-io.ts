// Where `check` and `what-if` write: the result on stdout, errors and notices on stderr, and the
// progress line on stderr when it is a terminal (progress-line.ts).
import type { ProgressStream } from './progress-line.ts';

export interface CommandIo {
  /** The result (may span lines). */
  out(text: string): void;
  /** One line of error or notice. */
  err(line: string): void;
  /** Raw stderr for the progress line; absent or not a TTY: no progress. */
  progress?: ProgressStream;
}

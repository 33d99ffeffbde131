// A progress line on stderr for long runs, redrawn in place (`\r`, then erase to the end of the line);
// shown only when stderr is a terminal, so logs and pipes in CI get nothing but the result.

export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

export interface ProgressLine {
  show(text: string): void;
  /** Erases the line (before the result is printed). */
  clear(): void;
}

const ERASE_TO_END = '\u001b[K';

export function progressLine(stream: ProgressStream | undefined): ProgressLine {
  if (!stream?.isTTY) return { show: () => {}, clear: () => {} };
  let shown = false;
  return {
    show(text) {
      stream.write(`\r${text}${ERASE_TO_END}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write(`\r${ERASE_TO_END}`);
      shown = false;
    },
  };
}

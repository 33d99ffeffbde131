// When the shell asks the worker for a new view: at most one request in flight, at most every
// `interval` ms while playing, and at once after an action.

export class PollThrottle {
  private inFlight = false;
  private lastStart = -Infinity;
  private wanted = false;

  constructor(readonly interval = 200) {}

  /** An action happened: poll at the next chance regardless of the interval. */
  request(): void {
    this.wanted = true;
  }

  /** Should a poll start at `now` (ms)? `playing` polls on the interval; paused only when requested. */
  shouldStart(now: number, playing: boolean): boolean {
    if (this.inFlight) return false;
    return this.wanted || (playing && now - this.lastStart >= this.interval);
  }

  start(now: number): void {
    this.inFlight = true;
    this.wanted = false;
    this.lastStart = now;
  }

  done(): void {
    this.inFlight = false;
  }

  get busy(): boolean {
    return this.inFlight;
  }
}

// The events one scheduler step emits, in the order of their causes (semantics 3.1): first those of
// the task transitions, then each service's in turn. Events of one kind for one service within one
// part of the step share one message listing their tasks (10, 13, 16.1), placed where the first of
// them was. Nothing reaches a service until flush, which draws the ids in emission order.
import type { ServiceRecord } from '../../domain/records.ts';
import { emitServiceEvent, resolveSuppressed } from './service-event-log.ts';

interface PendingEvent {
  service: ServiceRecord;
  /** Entries with the same service and key within one part of the step merge. */
  key: string;
  render: (taskIds: readonly string[]) => string;
  taskIds: string[];
  /** 16.3: subject to duplicate suppression. */
  suppressible: boolean;
  part: number;
  /** Its place within a service's part (3.1): started, placement failure, stop events, steady. */
  rank: number;
}

/**
 * 3.1: a service step's events go started, placement failure, the events of its stops, steady, even
 * when a stop came first (the PENDING tasks on DRAINING instances stop before the launch, 9.8).
 */
const rankOf = (key: string, suppressible: boolean) => (key === 'started' ? 0 : suppressible ? 1 : key === 'steady' ? 3 : 2);

export class StepEvents {
  private readonly pending: PendingEvent[] = [];
  private readonly resolved: { service: ServiceRecord; message: string }[] = [];
  private part = 0;

  /**
   * 16.3: the message's cause is resolved in this step (an unhealthy target deregistered). Applied
   * after the step's events are written, so an occurrence emitted in this same step is cleared too.
   */
  resolveAfterFlush(service: ServiceRecord, message: string): void {
    this.resolved.push({ service, message });
  }

  /** Starts a new part of the step (the transitions, then one per service): no merging across parts. */
  nextPart(): void {
    this.part++;
  }

  /** One event about `taskIds`, merged with an earlier one of the same key in this part. */
  add(service: ServiceRecord, key: string, render: (taskIds: readonly string[]) => string, taskIds: readonly string[] = []): void {
    const found = this.pending.find((e) => e.part === this.part && e.service === service && e.key === key);
    if (found) found.taskIds.push(...taskIds);
    else this.pending.push({ service, key, render, taskIds: [...taskIds], suppressible: false, part: this.part, rank: rankOf(key, false) });
  }

  /** A whole message, subject to the 6-hour duplicate suppression of 16.3. */
  addSuppressible(service: ServiceRecord, message: string): void {
    this.pending.push({ service, key: message, render: () => message, taskIds: [], suppressible: true, part: this.part, rank: rankOf(message, true) });
  }

  /** Emits everything collected, in order; returns how many events were written. */
  flush(now: number, newUuid: () => string): number {
    let written = 0;
    // part 0 (the transitions) keeps its order; each service's part is ordered by rank, stably
    const ordered = this.pending
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.part - b.e.part || (a.e.part === 0 ? 0 : a.e.rank - b.e.rank) || a.i - b.i)
      .map(({ e }) => e);
    for (const e of ordered) {
      if (emitServiceEvent(e.service, e.render(e.taskIds), now, newUuid, e.suppressible)) written++;
    }
    this.pending.length = 0;
    for (const r of this.resolved) resolveSuppressed(r.service, (m) => m === r.message);
    this.resolved.length = 0;
    return written;
  }
}

// The events one scheduler step emits, in the order of their causes (semantics 3.1): first those of
// the task transitions, then each service's in turn. Events of one kind for one service within one
// part of the step share one message listing their tasks (10, 13, 16.1), placed where the first of
// them was. Nothing reaches a service until flush, which draws the ids in emission order.
import type { ServiceRecord } from '../../domain/records.ts';
import { emitServiceEvent } from './service-event-log.ts';

interface PendingEvent {
  service: ServiceRecord;
  /** Entries with the same service and key within one part of the step merge. */
  key: string;
  render: (taskIds: readonly string[]) => string;
  taskIds: string[];
  /** 16.3: subject to duplicate suppression. */
  suppressible: boolean;
  part: number;
}

export class StepEvents {
  private readonly pending: PendingEvent[] = [];
  private part = 0;

  /** Starts a new part of the step (the transitions, then one per service): no merging across parts. */
  nextPart(): void {
    this.part++;
  }

  /** One event about `taskIds`, merged with an earlier one of the same key in this part. */
  add(service: ServiceRecord, key: string, render: (taskIds: readonly string[]) => string, taskIds: readonly string[] = []): void {
    const found = this.pending.find((e) => e.part === this.part && e.service === service && e.key === key);
    if (found) found.taskIds.push(...taskIds);
    else this.pending.push({ service, key, render, taskIds: [...taskIds], suppressible: false, part: this.part });
  }

  /** A whole message, subject to the 6-hour duplicate suppression of 16.3. */
  addSuppressible(service: ServiceRecord, message: string): void {
    this.pending.push({ service, key: message, render: () => message, taskIds: [], suppressible: true, part: this.part });
  }

  /** Emits everything collected, in order; returns how many events were written. */
  flush(now: number, newUuid: () => string): number {
    let written = 0;
    for (const e of this.pending) {
      if (emitServiceEvent(e.service, e.render(e.taskIds), now, newUuid, e.suppressible)) written++;
    }
    this.pending.length = 0;
    return written;
  }
}

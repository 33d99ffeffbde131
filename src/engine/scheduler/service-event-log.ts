// A service's events (semantics 16.2, 16.3): newest first, at most 100 in `events`; the full log
// oldest first in `eventLog` (capped, for the timeline and golden tests); a suppressible message
// (placement failure, throttle, unhealthy) is not written again within 6 simulated hours of its last
// emission while its cause persists. Callers clear a message's entry when its cause is resolved.
import type { ServiceRecord } from '../../domain/records.ts';

export const EVENTS_SHOWN = 100;
/** The full log keeps this many events; the oldest go first. */
export const EVENT_LOG_LIMIT = 10_000;
/** 16.3, 9.9: six simulated hours. */
export const REPEAT_AFTER_MS = 6 * 3600 * 1000;

/** Writes the event unless 16.3 suppresses it; returns whether it was written. */
export function emitServiceEvent(service: ServiceRecord, message: string, now: number, newUuid: () => string, suppressible: boolean): boolean {
  if (suppressible) {
    const last = service.suppressed[message];
    if (last !== undefined && now - last < REPEAT_AFTER_MS) return false;
    service.suppressed[message] = now;
  }
  const event = { id: newUuid(), createdAt: now, message };
  service.events.unshift(event);
  if (service.events.length > EVENTS_SHOWN) service.events.length = EVENTS_SHOWN;
  service.eventLog.push({ ...event });
  if (service.eventLog.length > EVENT_LOG_LIMIT) service.eventLog.splice(0, service.eventLog.length - EVENT_LOG_LIMIT);
  return true;
}

/** 16.3: the cause of these messages is resolved; their next occurrence is written at once. */
export function resolveSuppressed(service: ServiceRecord, isResolved: (message: string) => boolean): void {
  for (const message of Object.keys(service.suppressed)) {
    if (isResolved(message)) delete service.suppressed[message];
  }
}

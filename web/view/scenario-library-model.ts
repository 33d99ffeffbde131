// What the scenario library section shows (issue 5 item 4), as plain data: names for new scenarios
// and copies, the saved time, and the notes about the open scenario from currentScenario().
import type { ScenarioStatus, ScenarioSummary } from '../../src/worker/scheduler-api.ts';
import { MAX_SCENARIO_NAME } from '../share/scenario-file.ts';

/** `base`, else `base 2`, `base 3`, … : the first name no scenario of the library has. */
export function uniqueName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  if (!taken.has(base.trim().toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} ${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** `web (copy)`, else `web (copy 2)`, …; shortened so it stays within the library's name limit. */
export function copyName(name: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? ' (copy)' : ` (copy ${i})`;
    const candidate = `${name.trim().slice(0, MAX_SCENARIO_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `saved 2024-03-01 14:05` in the reader's local time; `never saved` for a record without a time. */
export function savedAtText(savedAt: number): string {
  if (!(savedAt > 0)) return 'never saved';
  const d = new Date(savedAt);
  return `saved ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The accessible name of a list item's open button and its siblings' context. */
export const itemLabel = (s: Pick<ScenarioSummary, 'name'>) => `scenario ${s.name}`;

/** At most this many dropped calls are listed by name. */
export const MAX_DROPPED_SHOWN = 3;

/**
 * What stays true about the open scenario until it changes: read-only, not saved, dropped calls, or
 * that another one was opened at start-up. Empty when all is well.
 */
export function scenarioNotes(status: ScenarioStatus): string[] {
  const notes: string[] = [];
  if (status.readOnly) notes.push(`Read-only: ${status.readOnly.message}`);
  if (status.saveError) notes.push(`Not saved: ${status.saveError.code}: ${status.saveError.message}`);
  if (status.openError) {
    notes.push(`The last used scenario could not be opened (${status.openError.message})${status.scenario ? `; “${status.scenario.name}” was opened instead` : ''}.`);
  }
  const dropped = status.dropped ?? [];
  if (dropped.length) {
    const shown = dropped.slice(-MAX_DROPPED_SHOWN).map((d) => `${shortTarget(d.target)} (${d.error.code}: ${d.error.message})`);
    const more = dropped.length > MAX_DROPPED_SHOWN ? `, and ${dropped.length - MAX_DROPPED_SHOWN} more` : '';
    notes.push(`${dropped.length === 1 ? '1 change' : `${dropped.length} changes`} of this tab could not be applied on top of another tab's save and ${dropped.length === 1 ? 'was' : 'were'} dropped: ${shown.join('; ')}${more}.`);
  }
  return notes;
}

/** `AmazonEC2ContainerServiceV20141113.CreateService` → `CreateService`. */
export const shortTarget = (target: string) => target.slice(target.lastIndexOf('.') + 1);

/** A status as the worker may extend it: a count of reloads caused by other tabs (not in ScenarioStatus yet). */
type StatusWithReloads = ScenarioStatus & { reloads?: number };

/**
 * Whether the open scenario was reloaded because another tab saved it, between two readings of
 * currentScenario(). With a `reloads` counter from the worker this is exact. Without one it is
 * inferred: same scenario, the library saw another tab's message, and the stored revision moved
 * while this tab's clock was stopped (a running clock saves every 2 s, so then nothing is inferred).
 */
export function reloadedByOtherTab(prev: ScenarioStatus | undefined, next: ScenarioStatus, clockRunning: boolean): boolean {
  if (!prev?.scenario || !next.scenario || prev.scenario.id !== next.scenario.id) return false;
  const before = (prev as StatusWithReloads).reloads;
  const after = (next as StatusWithReloads).reloads;
  if (typeof before === 'number' && typeof after === 'number') return after > before;
  return !clockRunning && next.libraryChanges > prev.libraryChanges && next.scenario.revision > prev.scenario.revision;
}

/** Whether the list must be read again: the library changed (here or in another tab), or another scenario is open. */
export const libraryMoved = (prev: ScenarioStatus | undefined, next: ScenarioStatus) =>
  !prev || prev.libraryChanges !== next.libraryChanges || prev.scenario?.id !== next.scenario?.id ||
  prev.scenario?.name !== next.scenario?.name || prev.scenario?.revision !== next.scenario?.revision;

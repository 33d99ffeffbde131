// The share link around the page's URL (issue 5 item 4): making one from a fragment, and opening
// the scenario a page was loaded with. No DOM here: web/index.ts passes `location` and the worker.
import type { CallOutcome, ScenarioSummary } from '../../src/worker/scheduler-api.ts';
import { FRAGMENT_KEY, decodeShareFragment } from './share-link.ts';

/** The name a scenario opened from a link gets in the library. */
export const SHARED_SCENARIO_NAME = 'Shared scenario';

/** The scenario fragment of `location.hash` (`#scenario=…`, the `#` optional), or undefined when it holds none. */
export function scenarioFragment(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  return fragment.startsWith(`${FRAGMENT_KEY}=`) ? fragment : undefined;
}

/** The link to share: this page (no query, no old fragment) with the scenario fragment. */
export const shareUrl = (where: { origin: string; pathname: string }, fragment: string) => `${where.origin}${where.pathname}#${fragment}`;

/** The page's URL without its fragment, for history.replaceState once a shared scenario is open. */
export const urlWithoutFragment = (where: { pathname: string; search: string }) => `${where.pathname}${where.search}`;

export type SharedOpen =
  | { kind: 'opened'; scenario: ScenarioSummary }
  | { kind: 'failed'; problem: string };

/**
 * Opens the scenario of a share-link fragment: unpacks it (size and encoding checked in share-link.ts)
 * and imports it as a new scenario (the worker validates the document and opens it). On failure
 * nothing was stored and the scenario that was open stays open.
 */
export async function openSharedScenario(
  fragment: string,
  scheduler: { importScenario(text: string, name: string): Promise<CallOutcome<ScenarioSummary>> },
): Promise<SharedOpen> {
  const failed = (why: string): SharedOpen => ({ kind: 'failed', problem: `The shared scenario could not be opened. ${why} Your own scenarios are unchanged.` });
  const decoded = await decodeShareFragment(fragment);
  if (!decoded.ok) return failed(decoded.problem);
  try {
    const outcome = await scheduler.importScenario(decoded.json, SHARED_SCENARIO_NAME);
    if ('error' in outcome) return failed(`${outcome.error.code}: ${outcome.error.message}`);
    return { kind: 'opened', scenario: outcome.output };
  } catch (error) {
    return failed(`The scheduler worker did not answer: ${(error as Error)?.message ?? String(error)}.`);
  }
}

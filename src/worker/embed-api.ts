// The contract between <ecs-sandbox> widgets and the embed worker (issue 6 item 2). One worker serves
// every widget of a page; each widget has a session inside it: a SandboxApi with its own document and
// clock. Like scheduler-api.ts, web/ imports only types from here; values cross through comlink.
import type { CallOutcome, SandboxView, UnchangedView } from './scheduler-api.ts';

export type * from './scheduler-api.ts';

export interface EmbedSessionInfo {
  /** The session's id, for every later call. */
  id: string;
  /** How the scenario was given (load-scenario.ts). */
  kind: 'demo' | 'calls' | 'document';
  /** Whether the scenario was a what-if request (`{scenario, variants}`): whatIf() runs it. */
  whatIf: boolean;
}

/** A what-if comparison as text cells: one column per variant, one row per metric (embed-what-if.ts). */
export interface WhatIfTable {
  variants: string[];
  rows: { label: string; cells: string[] }[];
}

/** What whatIf() answers: the what-if core's report as a table. */
export interface EmbedWhatIfResult {
  table: WhatIfTable;
}

export interface EmbedApi {
  /**
   * A new session from a scenario as load-scenario.ts accepts it (a document, ExportScenario's output,
   * a list of calls, `{calls}`, or `demo`), or a what-if request whose `scenario` is one of those. The
   * clock starts manual. A bad scenario is an error naming the failing call; nothing is kept.
   */
  createSession(scenario: unknown, options?: { seed?: number }): Promise<CallOutcome<EmbedSessionInfo>>;
  /** One call by full target in the session. Never rejects for a bad call. */
  call(id: string, target: string, input?: unknown): Promise<CallOutcome>;
  /** The session's region as the playground renders it; with `sinceRevision` current, only the clock. */
  view(id: string, options?: { region?: string; sinceRevision?: number }): Promise<CallOutcome<SandboxView | UnchangedView>>;
  /** Back to the document as the scenario left it, clock manual. */
  resetSession(id: string): Promise<CallOutcome<{ id: string }>>;
  /** Runs the session's what-if request (an error when the what-if core is not in this build). */
  whatIf(id: string): Promise<CallOutcome<EmbedWhatIfResult>>;
  /** Frees the session (its resident placement state in the core). Unknown ids are ignored. */
  closeSession(id: string): Promise<void>;
  /** How many sessions are open (tests, diagnostics). */
  sessionCount(): Promise<number>;
}

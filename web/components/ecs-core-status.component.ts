import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { CoreStatus, SchedulerApi } from '../../src/worker/scheduler-api.ts';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Shows that the scheduler's WASM core runs in the worker: its ABI version and the first draws of its
 * seeded placement stream (the TypeScript twin draws the same numbers for the same seed).
 *
 * @csspart draws - the list of placement draws
 * @cssprop --ecs-muted-color
 */
export class EcsCoreStatus extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    state: { reflect: true },
    status: { state: true },
    error: { state: true },
  };

  static override styles = css`
    :host { display: block; font: inherit; }
    :host([state='error']) .summary, .scenario-error { color: var(--ecs-error-color, #b00020); }
    .draws { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0.25em 0 0; padding: 0; list-style: none; }
    .draws li { font-family: var(--ecs-mono-font, ui-monospace, monospace); }
    .muted { color: var(--ecs-muted-color, #5f6368); }
  `;

  declare scheduler: Pick<SchedulerApi, 'coreStatus'> | undefined;
  declare state: LoadState;
  declare status: CoreStatus | undefined;
  declare error: string | undefined;

  constructor() {
    super();
    this.state = 'idle';
  }

  /** Worker failures are not API errors; the page reports them here. */
  showError(message: string): void {
    this.error = message;
    this.state = 'error';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scheduler') && this.scheduler) void this.load(this.scheduler);
  }

  private async load(scheduler: Pick<SchedulerApi, 'coreStatus'>): Promise<void> {
    this.state = 'loading';
    try {
      const status = await scheduler.coreStatus();
      if (scheduler !== this.scheduler) return; // a newer scheduler took over
      this.status = status;
      this.state = 'ready';
    } catch (error) {
      if (scheduler === this.scheduler) this.showError((error as Error).message ?? String(error));
    }
  }

  protected override render() {
    if (this.state === 'error') return html`<p class="summary">Scheduler core failed: ${this.error}</p>`;
    const s = this.status;
    if (!s) return html`<p class="summary muted">Loading the scheduler core…</p>`;
    return html`
      <p class="summary">
        WASM scheduler core running in the worker: ABI <span class="abi">${s.abiVersion}</span>,
        ${(s.memoryBytes / 1024).toLocaleString('en-US')} KiB of memory.
      </p>
      ${s.scenarioError
        ? html`<p class="scenario-error" role="alert">The demo scenario did not load (${s.scenarioError.code}): ${s.scenarioError.message}</p>`
        : nothing}
      <p class="muted">First placement draws for seed <span class="seed">${s.seed}</span>:</p>
      ${s.placementDraws.length
        ? html`<ol class="draws" part="draws">${s.placementDraws.map((d) => html`<li class="draw">${d}</li>`)}</ol>`
        : nothing}
    `;
  }
}

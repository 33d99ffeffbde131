import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { EmbedApi, SandboxView, UnchangedView, WhatIfTable } from '../../src/worker/embed-api.ts';
import { sharedEmbedClient, type EmbedClient } from '../../src/worker/embed-client.ts';
import { outcomeError, sandboxCall } from '../view/call.ts';
import { formatClock, formatElapsed } from '../view/format.ts';
import { sandboxStyles } from './ecs-sandbox.styles.ts';
import { readScenario, scenarioSource } from './scenario-source.ts';
import { sessionScheduler, type SessionScheduler } from './session-scheduler.ts';
import { AUTOPLAY_SPEED, UNTIL_STEADY_MAX_SECONDS, regionsOf, serviceSummary, widgetView, type WidgetView } from './widget-options.ts';

/** How often a playing widget reads the sandbox again. */
const POLL_MS = 250;

/**
 * `<ecs-sandbox>`: a live ECS scenario for any static page (issue 6 item 2). The scenario comes from an
 * inline `<script type="application/json">` child or from `src` (relative to the page): a document,
 * ExportScenario's output, a list of calls or `{calls}` (or a what-if request for `view="what-if"`).
 * Every widget of a page works in its own session of ONE shared worker (embed-client.ts); nothing is
 * stored, so a reload starts again from the scenario.
 *
 * @attr src - the scenario file's URL, relative to the page
 * @attr view - `placement` (map + why not placed), `deployment` (map + timeline + events), `what-if`, `full`
 * @attr readonly - no editors (the `full` view); the run controls stay
 * @attr autoplay - plays at realtime:10 while the widget is on screen
 * @attr label - the widget's accessible name and title
 * @event ecs-ready - the session is open; `detail.id`
 * @csspart toolbar - the run controls
 * @csspart status - the status line (and errors)
 * @csspart services - the service summary
 * @csspart map - the cluster map
 * @csspart placement - "Why is this task not placed?"
 * @csspart timeline - the deployment timeline
 * @csspart discovery - service discovery records
 * @csspart events - the service events
 * @csspart whatif - the what-if comparison
 * @csspart playground - the whole playground (`view="full"`)
 * @cssprop --ecs-bg, --ecs-fg, --ecs-muted-color, --ecs-border-color, --ecs-panel-bg, --ecs-accent, --ecs-focus, --ecs-font,
 *   --ecs-font-size, --ecs-radius, --ecs-heading-color, --ecs-events-height, --ecs-full-height (and the playground's --ecs-*)
 */
export class EcsSandbox extends LitElement {
  static override properties = {
    src: { reflect: true },
    view: { reflect: true },
    readonly: { type: Boolean, reflect: true },
    autoplay: { type: Boolean, reflect: true },
    label: { reflect: true },
    snapshot: { state: true },
    now: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
    table: { state: true },
    fullReady: { state: true },
  };

  static override styles = sandboxStyles;

  /** Set before the first widget connects to use another client (tests); otherwise the page's shared one. */
  static client: (() => EmbedClient) | undefined;

  declare src: string | undefined;
  declare view: string | undefined;
  declare readonly: boolean;
  declare autoplay: boolean;
  declare label: string | undefined;
  declare snapshot: SandboxView | undefined;
  declare now: number;
  declare busy: string | undefined;
  declare message: string | undefined;
  declare error: string | undefined;
  declare table: WhatIfTable | undefined;
  declare fullReady: boolean;

  private api: EmbedApi | undefined;
  private client: EmbedClient | undefined;
  private sessionId: string | undefined;
  private scheduler: SessionScheduler | undefined;
  private starting: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private visible = false;
  /** Autoplay owns the clock until the reader presses Pause (or Play, Reset…). */
  private autoplaying = false;
  private observer: IntersectionObserver | undefined;

  constructor() {
    super();
    this.readonly = false;
    this.autoplay = false;
    this.now = 0;
    this.fullReady = false;
  }

  private get mode(): WidgetView {
    return widgetView(this.view);
  }

  private get playing(): boolean {
    return this.snapshot?.clock.mode === 'realtime';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'region');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', this.label || 'ECS sandbox');
    this.starting ??= this.start();
    this.observer = new IntersectionObserver((entries) => this.onVisibility(entries.some((e) => e.isIntersecting)));
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    clearTimeout(this.timer);
    // Moved in the page (disconnected and connected in one task): keep the session.
    queueMicrotask(() => {
      if (this.isConnected) return;
      const id = this.sessionId;
      this.sessionId = undefined;
      this.scheduler = undefined;
      this.starting = undefined;
      this.snapshot = undefined;
      if (id) void this.api?.closeSession(id);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.mode === 'full' && !this.fullReady) {
      void import('./embed-full.ts').then(() => { this.fullReady = true; });
    }
  }

  /** Reads the scenario and opens the session (once per connection). */
  private async start(): Promise<void> {
    this.busy = 'Loading';
    this.error = undefined;
    try {
      const inline = this.querySelector(':scope > script[type="application/json"]')?.textContent;
      const text = await readScenario(scenarioSource({ inline, src: this.src ?? this.getAttribute('src'), baseUri: document.baseURI }));
      this.client ??= (EcsSandbox.client ?? sharedEmbedClient)();
      this.client.onWorkerError((message) => { this.error = `The sandbox worker failed: ${message}`; });
      this.api = this.client.api as unknown as EmbedApi;
      const created = await this.api.createSession(text);
      if ('error' in created) {
        this.error = `The scenario could not be loaded: ${outcomeError(created.error)}`;
        return;
      }
      if (!this.isConnected) {
        void this.api.closeSession(created.output.id);
        return;
      }
      this.sessionId = created.output.id;
      this.scheduler = sessionScheduler(this.api, this.sessionId);
      this.dispatchEvent(new CustomEvent('ecs-ready', { detail: { id: this.sessionId } }));
      if (this.mode === 'what-if') await this.runWhatIf();
      await this.poll();
      if (this.autoplay && this.visible) await this.startAutoplay();
    } catch (error) {
      this.error = (error as Error)?.message ?? String(error);
    } finally {
      this.busy = undefined;
    }
  }

  private async onVisibility(visible: boolean): Promise<void> {
    this.visible = visible;
    if (!this.scheduler || !this.autoplay || this.mode === 'what-if') return;
    if (visible && (this.autoplaying || !this.autoplayStarted)) await this.startAutoplay();
    else if (!visible && this.autoplaying && this.playing) await this.setClock('manual');
  }

  private autoplayStarted = false;

  private async startAutoplay(): Promise<void> {
    this.autoplayStarted = true;
    this.autoplaying = true;
    await this.setClock(`realtime:${AUTOPLAY_SPEED}`);
  }

  private async setClock(clock: string): Promise<void> {
    if (!this.scheduler) return;
    const out = await sandboxCall(this.scheduler, 'SetClock', { clock });
    if (!out.ok) this.error = outcomeError(out);
    await this.poll();
  }

  /** Reads the sandbox now; while the clock plays, again every POLL_MS. */
  private async poll(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler || this.polling) return;
    this.polling = true;
    clearTimeout(this.timer);
    try {
      const answer: SandboxView | UnchangedView = await scheduler.view(this.snapshot ? { sinceRevision: this.snapshot.revision } : {});
      if ('unchanged' in answer) this.now = answer.now;
      else {
        this.snapshot = answer;
        this.now = answer.now;
      }
    } catch (error) {
      this.error = `The sandbox did not answer: ${(error as Error)?.message ?? error}`;
    } finally {
      this.polling = false;
      if (this.playing && this.isConnected) this.timer = setTimeout(() => void this.poll(), POLL_MS);
    }
  }

  private async act<T>(label: string, op: string, input: unknown = {}): Promise<T | undefined> {
    if (!this.scheduler) return undefined;
    this.busy = label;
    this.error = undefined;
    try {
      const out = await sandboxCall<T>(this.scheduler, op, input);
      if (!out.ok) {
        this.error = `${label} failed: ${outcomeError(out)}`;
        return undefined;
      }
      return out.output;
    } finally {
      this.busy = undefined;
      await this.poll();
    }
  }

  private onPlayPause = async () => {
    this.autoplaying = false;
    this.message = undefined;
    await this.act(this.playing ? 'Pause' : 'Play', 'SetClock', { clock: this.playing ? 'manual' : `realtime:${AUTOPLAY_SPEED}` });
  };

  private onRunUntilSteady = async () => {
    this.autoplaying = false;
    const started = this.now;
    if (this.playing) await this.act('Pause', 'SetClock', { clock: 'manual' });
    const out = await this.act<{ now: number; steady: boolean }>('Run until steady', 'AdvanceTime', { untilSteady: true, maxSeconds: UNTIL_STEADY_MAX_SECONDS });
    if (out) this.message = out.steady ? `Steady after ${formatElapsed(out.now * 1000 - started)} more of simulated time.` : `Not steady after ${UNTIL_STEADY_MAX_SECONDS} s of simulated time.`;
  };

  private onReset = async () => {
    if (!this.api || !this.sessionId) return;
    const replay = this.autoplay && this.visible;
    this.autoplaying = false;
    const out = await this.api.resetSession(this.sessionId);
    if ('error' in out) this.error = outcomeError(out.error);
    this.snapshot = undefined;
    this.message = 'Back to the start of the scenario.';
    if (replay) await this.startAutoplay();
    else await this.poll();
  };

  private async runWhatIf(): Promise<void> {
    if (!this.api || !this.sessionId) return;
    this.busy = 'Running the variants';
    const out = await this.api.whatIf(this.sessionId);
    if ('error' in out) this.message = out.error.message;
    else this.table = out.output.table;
  }

  protected override render() {
    const mode = this.mode;
    const view = this.snapshot;
    const regions = regionsOf(mode, { hasDiscovery: (view?.discovery.length ?? 0) > 0 });
    return html`
      ${regions.includes('toolbar') ? this.renderToolbar(view) : nothing}
      <p part="status" role="status" data-testid="widget-status">
        ${this.error ? html`<span class="error" data-testid="widget-error">${this.error}</span>` : this.busy ? `${this.busy}…` : this.message ?? ''}
      </p>
      ${regions.includes('services') && view ? html`<ul part="services" data-testid="widget-services">
        ${view.services.map((s) => html`<li>${serviceSummary(s)}</li>`)}</ul>` : nothing}
      ${regions.includes('map') ? html`<ecs-cluster-map part="map" .view=${view}></ecs-cluster-map>` : nothing}
      ${regions.includes('timeline') ? html`<section aria-label="Deployment timeline"><h3>Deployment timeline</h3>
        <ecs-deployment-timeline part="timeline" .scheduler=${this.scheduler} .view=${view}></ecs-deployment-timeline></section>` : nothing}
      ${regions.includes('discovery') ? html`<section aria-label="Service discovery records"><h3>Service discovery records</h3>
        <ecs-discovery-records part="discovery" .view=${view}></ecs-discovery-records></section>` : nothing}
      ${regions.includes('placement') ? html`<details part="placement"><summary>Why is this task not placed?</summary>
        <ecs-placement-explanation .scheduler=${this.scheduler} .view=${view}></ecs-placement-explanation></details>` : nothing}
      ${regions.includes('events') ? html`<details part="events" ?open=${mode === 'deployment'}><summary>Service events</summary>
        <ecs-event-log .view=${view}></ecs-event-log></details>` : nothing}
      ${regions.includes('whatif') ? this.renderWhatIf() : nothing}
      ${regions.includes('playground') ? this.renderFull() : nothing}
    `;
  }

  private renderToolbar(view: SandboxView | undefined) {
    const ready = !!this.scheduler && !this.busy;
    return html`
      <div part="toolbar" role="toolbar" aria-label="Run controls">
        ${this.label ? html`<span class="title">${this.label}</span>` : nothing}
        <button data-testid="widget-play" aria-pressed=${this.playing ? 'true' : 'false'} ?disabled=${!ready} @click=${this.onPlayPause}>
          ${this.playing ? `Pause` : `Play ×${AUTOPLAY_SPEED}`}</button>
        <button data-testid="widget-run-until-steady" ?disabled=${!ready} @click=${this.onRunUntilSteady}>Run until steady</button>
        <button data-testid="widget-reset" ?disabled=${!ready} @click=${this.onReset}>Reset</button>
        <span class="clock" data-testid="widget-clock" aria-label="Simulated time">${view ? formatClock(this.now, view.startedAt) : ''}</span>
      </div>`;
  }

  private renderWhatIf() {
    const table = this.table;
    if (!table) return html`<div part="whatif" data-testid="widget-whatif"><p class="muted">${this.busy ? 'Running the variants…' : 'No comparison to show.'}</p></div>`;
    return html`
      <div part="whatif" class="scroll" data-testid="widget-whatif"><table>
        <caption class="muted">What-if comparison, one column per variant</caption>
        <thead><tr><th scope="col">Metric</th>${table.variants.map((v) => html`<th scope="col">${v}</th>`)}</tr></thead>
        <tbody>${table.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
      </table></div>`;
  }

  private renderFull() {
    if (!this.fullReady || !this.api || !this.sessionId || !this.client) return html`<p part="playground" class="muted">Loading the playground…</p>`;
    const client = { api: this.scheduler, onWorkerError: this.client.onWorkerError };
    return html`<ecs-playground part="playground" .client=${client} ?readonly=${this.readonly}></ecs-playground>`;
  }
}

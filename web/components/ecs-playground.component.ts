import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { SandboxView, SchedulerApi, UnchangedView } from '../../src/worker/scheduler-api.ts';
import type { SchedulerClient } from '../../src/worker/scheduler-client.ts';
import { applyViewReuse } from '../view/apply-view-reuse.ts';
import { outcomeError, sandboxCall } from '../view/call.ts';
import { formatElapsed } from '../view/format.ts';
import { plainScheduler } from '../view/plain-scheduler.ts';
import { PollThrottle } from '../view/poll-throttle.ts';
import type { Selection } from '../view/sidebar-tree.ts';
import { servicesWithPlacementFailures } from '../view/events.ts';

type Scheduler = Pick<SchedulerApi, 'call' | 'view' | 'coreStatus'>;

export const BOTTOM_TABS = [
  { id: 'events', label: 'Events' },
  { id: 'timeline', label: 'Deployment timeline' },
  { id: 'discovery', label: 'Service discovery' },
  { id: 'targets', label: 'Load balancer targets' },
  { id: 'placement', label: 'Why is this task not placed?' },
  { id: 'whatif', label: 'What-if' },
] as const;
type TabId = (typeof BOTTOM_TABS)[number]['id'];

const UNTIL_STEADY_MAX_SECONDS = 3600;

/**
 * The playground: toolbar, scenario sidebar, cluster map, editor panel and the bottom tabs. It owns the
 * one SchedulerClient (given as `client`, or created on connect), polls `view({sinceRevision})` while
 * the clock plays (animation-frame throttled, at most every 200 ms) and after every action, and hands
 * the view down as a property. The main thread only renders.
 *
 * @event ecs-view - after each new view; `detail.view`
 * @cssprop --ecs-bg, --ecs-fg, --ecs-muted-color, --ecs-border-color, --ecs-panel-bg, --ecs-accent, --ecs-focus
 */
export class EcsPlayground extends LitElement {
  static override properties = {
    client: { attribute: false },
    readonly: { type: Boolean },
    view: { state: true },
    panelsView: { state: true },
    now: { state: true },
    selection: { state: true },
    tab: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
    steady: { state: true },
  };

  static override styles = css`
    :host {
      display: grid; box-sizing: border-box; height: 100vh; min-height: 0;
      grid-template: 'toolbar toolbar toolbar' auto 'sidebar map editor' minmax(0, 1fr) 'sidebar bottom bottom' minmax(12rem, 38vh)
        / minmax(13rem, 17rem) minmax(0, 1fr) minmax(0, auto);
      background: var(--ecs-bg, #fff); color: var(--ecs-fg, #202124); font: inherit;
    }
    ecs-toolbar { grid-area: toolbar; }
    ecs-scenario-sidebar { grid-area: sidebar; border-right: 1px solid var(--ecs-border-color, #dadce0); min-height: 0; overflow: auto; }
    main { grid-area: map; min-width: 0; min-height: 0; overflow: auto; padding: 0.5rem 0.75rem; }
    .editor { grid-area: editor; min-height: 0; overflow: auto; border-left: 1px solid var(--ecs-border-color, #dadce0); max-width: 26rem; }
    .editor:empty { display: none; }
    section.bottom { grid-area: bottom; display: flex; flex-direction: column; min-height: 0; border-top: 1px solid var(--ecs-border-color, #dadce0); }
    [role='tablist'] { display: flex; gap: 0.25rem; overflow-x: auto; padding: 0.25rem 0.5rem 0; background: var(--ecs-panel-bg, #f8f9fa); }
    [role='tab'] {
      font: inherit; border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; padding: 0.3rem 0.7rem;
      background: transparent; color: inherit; cursor: pointer; white-space: nowrap;
    }
    [role='tab'][aria-selected='true'] { background: var(--ecs-bg, #fff); border-color: var(--ecs-border-color, #dadce0); font-weight: 600; }
    [role='tabpanel'] { flex: 1; min-height: 0; overflow: auto; padding: 0.5rem 0.75rem; }
    button:focus-visible, [role='tab']:focus-visible, [role='tabpanel']:focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
    .notice { margin: 0; padding: 0.25rem 0.75rem; font-size: 0.9em; }
    .notice.error { color: var(--ecs-error-color, #b00020); }
    .badge { font-size: 0.8em; border: 1px solid currentColor; border-radius: 1em; padding: 0 0.4em; margin-left: 0.25em; }
    @media (max-width: 900px) {
      :host { height: auto; grid-template: 'toolbar' auto 'sidebar' auto 'map' auto 'editor' auto 'bottom' auto / minmax(0, 1fr); }
      ecs-scenario-sidebar { border-right: none; border-bottom: 1px solid var(--ecs-border-color, #dadce0); max-height: 40vh; }
      .editor { max-width: none; border-left: none; }
      section.bottom { min-height: 24rem; }
    }
  `;

  declare client: Pick<SchedulerClient, 'api' | 'onWorkerError'> | undefined;
  /** No editor panel (an embedded `<ecs-sandbox readonly view="full">`); the run controls stay. */
  declare readonly: boolean;
  declare view: SandboxView | undefined;
  /**
   * The view the sidebar, editor and bottom panel show: `view`, one task later. A new view renders the
   * toolbar and the map in the task that receives it and the other panels in the next, so no single
   * main-thread task renders everything (issue 5: none over 50 ms while 5,000 tasks move).
   */
  declare panelsView: SandboxView | undefined;
  /** The simulated clock, refreshed even when nothing else changed. */
  declare now: number;
  declare selection: Selection | undefined;
  declare tab: TabId;
  declare busy: string | undefined;
  declare message: string | undefined;
  declare error: string | undefined;
  declare steady: boolean | undefined;

  private readonly throttle = new PollThrottle(200);
  private panelsTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private initialScenario: unknown;
  private capturing = false;
  private connected = false;

  constructor() {
    super();
    this.now = 0;
    this.tab = 'events';
  }

  /** The worker's API as a plain object (plain-scheduler.ts): safe to bind into Lit templates. */
  get scheduler(): Scheduler | undefined {
    return this.plain;
  }

  private plain: Scheduler | undefined;

  get playing(): boolean {
    return this.view?.clock.mode === 'realtime';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connected = true;
    this.schedulePoll(0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connected = false;
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    clearTimeout(this.panelsTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.panelsView !== this.view) {
      clearTimeout(this.panelsTimer);
      this.panelsTimer = setTimeout(() => { this.panelsView = this.view; }, 0);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.client) {
      this.plain = plainScheduler(this.client.api) as unknown as Scheduler;
      this.client.onWorkerError((message) => { this.error = `The scheduler worker failed: ${message}`; });
      this.refresh();
    }
  }

  /** Asks for a new view at the next animation frame (after an action, or from the console). */
  refresh(): Promise<void> {
    this.throttle.request();
    this.schedulePoll(0);
    return new Promise((resolve) => this.afterPoll.push(resolve));
  }

  private afterPoll: (() => void)[] = [];

  private schedulePoll(delay: number): void {
    if (!this.connected) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => void this.poll());
    }, delay);
  }

  private async poll(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    const start = performance.now();
    if (!this.throttle.shouldStart(start, this.playing)) {
      if (this.playing || !this.throttle.busy) this.schedulePoll(this.throttle.interval);
      return;
    }
    this.throttle.start(start);
    const waiting = this.afterPoll.splice(0);
    try {
      const full = this.forceFullView || !this.view;
      this.forceFullView = false;
      // reuse: the instances and tasks this page holds come back as ids only (view-reuse.ts)
      const answer: SandboxView | UnchangedView = await scheduler.view(full ? {} : { sinceRevision: this.view!.revision, reuse: true });
      const next = 'unchanged' in answer ? answer : applyViewReuse(this.view, answer);
      if (!next) {
        this.forceFullView = true; // not made against the view held here: ask for a whole one
        this.throttle.request();
        this.schedulePoll(0);
      } else if ('unchanged' in next) {
        this.now = next.now;
      } else {
        // render in a task of its own: the one that received the message already copied it in
        await new Promise((resolve) => setTimeout(resolve, 0));
        const first = !this.view || !this.initialScenario;
        this.view = next;
        this.now = next.now;
        this.dispatchEvent(new CustomEvent('ecs-view', { detail: { view: next }, bubbles: true, composed: true }));
        if (first) void this.captureInitialScenario();
      }
    } catch (error) {
      this.error = `The worker did not answer: ${(error as Error)?.message ?? error}`;
    } finally {
      this.throttle.done();
      for (const resolve of waiting) resolve();
      if (this.playing || this.afterPoll.length) this.schedulePoll(this.afterPoll.length ? 0 : this.throttle.interval);
    }
  }

  /** What Reset goes back to: the scenario as the page first saw it. */
  private async captureInitialScenario(): Promise<void> {
    if (!this.scheduler || this.initialScenario || this.capturing) return;
    this.capturing = true;
    try {
      const exported = await sandboxCall<{ scenario: unknown }>(this.scheduler, 'ExportScenario');
      if (exported.ok) this.initialScenario = exported.output.scenario;
    } finally {
      this.capturing = false;
    }
  }

  /** Runs one sandbox action, shows its error if it fails, and refreshes the view. */
  private async act<T>(label: string, op: string, input: unknown): Promise<T | undefined> {
    const scheduler = this.scheduler;
    if (!scheduler) return undefined;
    this.busy = label;
    this.error = undefined;
    try {
      const outcome = await sandboxCall<T>(scheduler, op, input);
      if (!outcome.ok) {
        this.error = `${label} failed: ${outcomeError(outcome)}`;
        return undefined;
      }
      return outcome.output;
    } finally {
      this.busy = undefined;
      await this.refresh();
    }
  }

  private async onPlay(speed: number) {
    this.steady = undefined;
    await this.act('Play', 'SetClock', { clock: `realtime:${speed}` });
  }

  private onPause = () => this.act('Pause', 'SetClock', { clock: 'manual' });

  private async onSpeed(speed: number) {
    if (this.playing) await this.act('Speed', 'SetClock', { clock: `realtime:${speed}` });
    else {
      this.pendingSpeed = speed;
      this.requestUpdate(); // a plain field: show the pressed speed now, not at the next view
    }
  }

  private pendingSpeed: number | undefined;

  private async onStep() {
    this.steady = undefined;
    if (this.playing) await this.act('Pause', 'SetClock', { clock: 'manual' });
    const out = await this.act<{ steady: boolean }>('Step', 'AdvanceTime', { seconds: 1 });
    if (out) this.message = `Stepped 1 s${out.steady ? ' — steady' : ''}.`;
  }

  private async onRunUntilSteady() {
    this.steady = undefined;
    this.message = undefined;
    const started = this.now;
    const out = await this.act<{ now: number; steady: boolean }>('Run until steady', 'AdvanceTime', { untilSteady: true, maxSeconds: UNTIL_STEADY_MAX_SECONDS });
    if (!out) return;
    this.steady = out.steady;
    const took = formatElapsed(out.now * 1000 - started);
    this.message = out.steady ? `Steady after ${took} of simulated time.` : `Not steady after ${UNTIL_STEADY_MAX_SECONDS} s of simulated time.`;
  }

  private async onReset() {
    this.steady = undefined;
    const wasPlaying = this.playing;
    const speed = this.view?.clock.speed ?? 1;
    const done = this.initialScenario
      ? await this.act('Reset', 'ImportScenario', { scenario: this.initialScenario })
      : await this.act('Reset', 'Reset', {});
    if (done === undefined) return;
    await this.act('Reset', 'SetClock', { clock: wasPlaying ? `realtime:${speed}` : 'manual' });
    this.selection = undefined;
    this.message = 'Reset to the scenario as it was when the page opened.';
  }

  private async onFault(input: Record<string, unknown>) {
    const out = await this.act<{ taskArns?: string[] }>('Inject fault', 'InjectFault', input);
    if (out) this.message = `Fault ${String(input.fault)} injected${out.taskArns?.length ? `: ${out.taskArns.length} task(s) affected` : ''}.`;
  }

  /** Another scenario is open: read the whole view again, and Reset goes back to the new one's start. */
  private onScenarioChange = () => {
    this.initialScenario = undefined;
    this.forceFullView = true;
    this.selection = undefined;
    this.steady = undefined;
    void this.refresh();
  };

  private forceFullView = false;

  /** After a successful edit: what was just created or registered becomes the selection, then the view refreshes. */
  private onEditorChange = (e: CustomEvent<{ selection?: Selection }>) => {
    if (e.detail?.selection) this.selection = e.detail.selection;
    void this.refresh();
  };

  private onSelect(e: CustomEvent<Selection>) {
    this.selection = e.detail;
    // a service with placement failures makes the explanation one click away
    if (e.detail.kind === 'service' && this.view && this.tab === 'events') {
      const s = this.view.services.find((x) => x.arn === e.detail.id);
      if (s && servicesWithPlacementFailures({ services: [s] }).length) this.message = `${s.serviceName} could not place a task: see “Why is this task not placed?”.`;
    }
  }

  private onTabKey(e: KeyboardEvent) {
    const i = BOTTOM_TABS.findIndex((t) => t.id === this.tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % BOTTOM_TABS.length
      : e.key === 'ArrowLeft' ? (i - 1 + BOTTOM_TABS.length) % BOTTOM_TABS.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? BOTTOM_TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.tab = BOTTOM_TABS[next].id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  protected override render() {
    const view = this.view;
    const scheduler = this.scheduler;
    return html`
      <ecs-toolbar
        .view=${view} .now=${this.now} .selection=${this.selection} .busy=${this.busy} .steady=${this.steady}
        .playing=${this.playing} .speed=${this.playing ? view?.clock.speed ?? 1 : this.pendingSpeed ?? view?.clock.speed ?? 1}
        @ecs-play=${(e: CustomEvent<{ speed: number }>) => this.onPlay(e.detail.speed)}
        @ecs-pause=${this.onPause}
        @ecs-speed=${(e: CustomEvent<{ speed: number }>) => this.onSpeed(e.detail.speed)}
        @ecs-step=${this.onStep}
        @ecs-run-until-steady=${this.onRunUntilSteady}
        @ecs-reset=${this.onReset}
        @ecs-inject-fault=${(e: CustomEvent<{ input: Record<string, unknown> }>) => this.onFault(e.detail.input)}
      ></ecs-toolbar>
      <ecs-scenario-sidebar .view=${this.panelsView} .scheduler=${scheduler} .selection=${this.selection} @ecs-select=${this.onSelect}
        @ecs-scenario-change=${this.onScenarioChange}>
        <details slot="footer"><summary>Scheduler core</summary><ecs-core-status .scheduler=${scheduler}></ecs-core-status></details>
      </ecs-scenario-sidebar>
      <main aria-label="Cluster map">
        ${this.error ? html`<p class="notice error" role="alert" data-testid="error">${this.error}</p>` : nothing}
        <p class="notice" role="status" data-testid="status">${this.busy ? `${this.busy}…` : this.message ?? ''}</p>
        <ecs-cluster-map .view=${view} .selection=${this.selection} @ecs-select=${this.onSelect}></ecs-cluster-map>
      </main>
      <aside class="editor" aria-label="Editor">${this.renderEditor(scheduler, this.panelsView)}</aside>
      <section class="bottom" aria-label="Details">
        <div role="tablist" aria-label="Details" @keydown=${this.onTabKey}>
          ${BOTTOM_TABS.map((t) => html`
            <button role="tab" id="tab-${t.id}" data-testid="tab-${t.id}" aria-controls="panel-${t.id}"
              aria-selected=${this.tab === t.id ? 'true' : 'false'} tabindex=${this.tab === t.id ? 0 : -1}
              @click=${() => { this.tab = t.id; }}>${t.label}</button>`)}
        </div>
        <div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0" data-testid="panel-${this.tab}">
          ${this.renderPanel(scheduler, this.panelsView)}
        </div>
      </section>
    `;
  }

  /** The editors helper's element; until it is defined it renders nothing. */
  private renderEditor(scheduler: Scheduler | undefined, view: SandboxView | undefined) {
    if (this.readonly || !customElements.get('ecs-editor-panel')) return nothing;
    return html`<ecs-editor-panel .scheduler=${scheduler} .view=${view} .selection=${this.selection}
      @ecs-select=${this.onSelect} @ecs-change=${this.onEditorChange}></ecs-editor-panel>`;
  }

  private renderPanel(scheduler: Scheduler | undefined, view: SandboxView | undefined) {
    const service = this.selection?.kind === 'service' ? this.selection.id : undefined;
    switch (this.tab) {
      case 'events': return html`<ecs-event-log .view=${view}></ecs-event-log>`;
      case 'timeline': return html`<ecs-deployment-timeline .scheduler=${scheduler} .view=${view} .service=${service}></ecs-deployment-timeline>`;
      case 'discovery': return html`<ecs-discovery-records .view=${view}></ecs-discovery-records>`;
      case 'targets': return html`<ecs-target-health .view=${view}></ecs-target-health>`;
      case 'placement': return html`<ecs-placement-explanation .scheduler=${scheduler} .view=${view} .selection=${this.selection}></ecs-placement-explanation>`;
      // the what-if view (issue 6): the scheduler object carries whatIf / saveWhatIf (plain-scheduler.ts)
      case 'whatif': return html`<ecs-what-if .scheduler=${scheduler} .view=${view}></ecs-what-if>`;
    }
  }
}

import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import type {
  SandboxView, SchedulerApi, WhatIfChange, WhatIfReport, WhatIfSetup, WhatIfTimelineKind,
} from '../../src/worker/scheduler-api.ts';
import { ecsCall, outcomeError, sandboxCall } from '../view/call.ts';
import {
  MAX_SEEDS, MAX_VARIANTS, QUICK_KINDS, STRATEGY_CHOICES, TIMELINE_CHOICES, changesText, clampSeeds, comparisonRows, defaultSetup,
  describeChange, freshVariantName, parseChanges, quickChange, splitService, timelineCalls, whatIfRequest, type QuickForm,
} from '../view/what-if-model.ts';
import { OVERLAY_BOX, overlayGeometry, overlaySummary } from '../view/what-if-overlay.ts';
import { panelStyles } from './panel.styles.ts';

type Scheduler = Pick<SchedulerApi, 'call' | 'whatIf' | 'saveWhatIf' | 'currentScenario'>;

/** The quick forms' values, one set for every kind, so switching kinds keeps what was typed. */
interface QuickValues {
  kind: QuickForm['kind'];
  strategy: string;
  minimumHealthyPercent: number;
  maximumPercent: number;
  desiredCount: number;
  instanceType: string;
  availabilityZone: string;
  count: number;
  atSeconds: number;
}

/**
 * The playground's what-if view (issue 6): a service and a timeline (a new revision of its task
 * definition, i.e. a rolling deployment, or nothing), variants (a name and a list of WhatIfChanges,
 * edited with quick forms or as JSON), seeds (1–20); Run sends the open scenario (ExportScenario) to
 * `scheduler.whatIf` and shows the comparison table (variants as columns) and the running count of
 * every variant overlaid in one chart, with a legend and a text summary. The setup is saved with the
 * scenario (`saveWhatIf`) after every change and read back (`currentScenario`) when the view opens.
 *
 * @event ecs-what-if-report - after a run; `detail.report`
 * @csspart table - the comparison table
 * @csspart chart - the overlaid timelines
 * @cssprop --ecs-bg, --ecs-fg, --ecs-muted-color, --ecs-border-color, --ecs-focus, --ecs-error-color
 */
export class EcsWhatIf extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    view: { attribute: false },
    setup: { state: true },
    texts: { state: true },
    textErrors: { state: true },
    quick: { state: true },
    quickTarget: { state: true },
    quickError: { state: true },
    report: { state: true },
    reportService: { state: true },
    running: { state: true },
    error: { state: true },
    note: { state: true },
    saveError: { state: true },
  };

  static override styles = [panelStyles, css`
    :host { --ecs-what-if-gap: 0.6rem; }
    form.setup, fieldset { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: flex-end; }
    fieldset { border: 1px solid var(--ecs-border-color, #dadce0); border-radius: 8px; padding: 0.4rem 0.6rem; margin: 0 0 var(--ecs-what-if-gap); }
    legend { font-weight: 600; padding: 0 0.25rem; }
    .variants { display: grid; gap: var(--ecs-what-if-gap); grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); margin-bottom: var(--ecs-what-if-gap); }
    .variant { border: 1px solid var(--ecs-border-color, #dadce0); border-radius: 8px; padding: 0.4rem 0.6rem; display: flex; flex-direction: column; gap: 0.35rem; }
    .variant ul { margin: 0; padding-left: 1.1rem; font-size: 0.88em; }
    .variant li { display: flex; gap: 0.4rem; align-items: baseline; justify-content: space-between; }
    textarea {
      font-family: var(--ecs-mono-font, ui-monospace, monospace); font-size: 0.85em; width: 100%; box-sizing: border-box; min-height: 5.5rem;
      color: inherit; background: var(--ecs-bg, #fff); border: 1px solid var(--ecs-border-color, #bdc1c6); border-radius: 6px;
    }
    textarea[aria-invalid='true'], input[aria-invalid='true'] { border-color: var(--ecs-error-color, #b00020); }
    .stack { display: flex; flex-direction: column; align-items: flex-start; gap: 0.15rem; }
    .variant .stack { align-items: stretch; }
    .stack, .stack select { max-width: 100%; }
    td { overflow-wrap: anywhere; }
    .row { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
    button.primary { background: var(--ecs-accent, #1a73e8); color: var(--ecs-on-accent, #fff); border-color: transparent; font-weight: 600; }
    button[disabled] { opacity: 0.6; cursor: progress; }
    input[type='number'] { width: 5.5rem; }
    table { margin: 0.3rem 0 0.6rem; }
    td { white-space: pre-line; }
    th[scope='row'] { position: static; }
    caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
    svg { width: 100%; max-width: 56rem; height: auto; display: block; }
    .axis text { font-size: 10px; fill: var(--ecs-muted-color, #5f6368); }
    .axis line { stroke: var(--ecs-border-color, #dadce0); }
    .line { fill: none; stroke-width: 2.2; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85em; margin: 0.25rem 0; padding: 0; list-style: none; }
    .swatch { display: inline-block; width: 1.6rem; vertical-align: middle; margin-right: 0.3rem; }
    .note { margin: 0.2rem 0; }
    @media (prefers-color-scheme: dark) {
      :host { --ecs-muted-color: #bdc1c6; }
    }
  `];

  declare scheduler: Scheduler | undefined;
  declare view: SandboxView | undefined;
  declare setup: WhatIfSetup | undefined;
  /** The JSON box of each variant, as typed. */
  declare texts: string[];
  declare textErrors: (string | undefined)[];
  declare quick: QuickValues;
  declare quickTarget: number;
  declare quickError: string | undefined;
  declare report: WhatIfReport | undefined;
  /** The service the shown report is about. */
  declare reportService: string | undefined;
  declare running: boolean;
  declare error: string | undefined;
  /** Why the saved setup was ignored, or other news for the user. */
  declare note: string | undefined;
  declare saveError: string | undefined;
  private loadedFor: Scheduler | undefined;

  constructor() {
    super();
    this.texts = [];
    this.textErrors = [];
    this.quickTarget = 0;
    this.running = false;
    this.quick = {
      kind: 'deployment', strategy: STRATEGY_CHOICES[0].id, minimumHealthyPercent: 100, maximumPercent: 200, desiredCount: 4,
      instanceType: '', availabilityZone: '', count: 1, atSeconds: 0,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // <ecs-scenario-library>'s event (bubbles, composed): another scenario is open, with its own setup
    window.addEventListener('ecs-scenario-change', this.onScenarioChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('ecs-scenario-change', this.onScenarioChange);
  }

  private onScenarioChange = () => {
    this.report = undefined;
    this.error = undefined;
    this.setup = undefined; // nothing is saved until the new scenario's setup is read
    void this.load();
  };

  /** Every ACTIVE service as `cluster/service`. */
  private services(): string[] {
    return (this.view?.services ?? []).filter((s) => s.status === 'ACTIVE').map((s) => `${s.clusterName}/${s.serviceName}`);
  }

  private zones(): string[] {
    return [...new Set((this.view?.instances ?? []).map((i) => i.availabilityZone))].sort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scheduler') && this.scheduler && this.loadedFor !== this.scheduler) {
      this.loadedFor = this.scheduler;
      void this.load();
    }
    if (changed.has('view') && this.view) {
      if (this.setup && !this.setup.service && this.services().length) this.setup = { ...this.setup, service: this.services()[0] };
      if (!this.quick.availabilityZone && this.zones().length) this.quick = { ...this.quick, availabilityZone: this.zones()[0] };
      if (!this.quick.instanceType && this.view.instances.length) this.quick = { ...this.quick, instanceType: this.view.instances[0].instanceType };
    }
  }

  /** The setup saved with the open scenario, or a fresh one for the first service. */
  private async load(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    let setup: WhatIfSetup | undefined;
    try {
      const status = await scheduler.currentScenario();
      if ('output' in status) {
        setup = status.output.whatIf;
        this.note = status.output.whatIfProblem;
      }
    } catch {
      // no library in this worker: the view works, nothing is saved
    }
    this.adopt(setup ?? defaultSetup(this.services()[0] ?? ''));
  }

  private adopt(setup: WhatIfSetup): void {
    this.setup = setup;
    this.texts = setup.variants.map((v) => changesText(v.changes));
    this.textErrors = setup.variants.map(() => undefined);
    this.quickTarget = Math.min(this.quickTarget, setup.variants.length - 1);
  }

  /** A new setup: shown at once, saved with the scenario. */
  private async change(setup: WhatIfSetup, texts = this.texts): Promise<void> {
    this.setup = setup;
    this.texts = texts;
    const scheduler = this.scheduler;
    if (!scheduler || !setup.service) return;
    try {
      const saved = await scheduler.saveWhatIf(setup);
      this.saveError = 'error' in saved && saved.error.code !== 'PersistenceUnavailableException'
        ? `Not saved: ${outcomeError(saved.error)}` : undefined;
      if ('output' in saved) this.note = undefined;
    } catch (error) {
      this.saveError = `Not saved: ${(error as Error)?.message ?? error}`;
    }
  }

  private updateVariant(i: number, patch: Partial<WhatIfSetup['variants'][number]>, texts = this.texts): Promise<void> {
    const setup = this.setup!;
    return this.change({ ...setup, variants: setup.variants.map((v, k) => (k === i ? { ...v, ...patch } : v)) }, texts);
  }

  private onName(i: number, e: Event) {
    const input = e.target as HTMLInputElement;
    const name = input.value.trim();
    if (!name || this.setup!.variants.some((v, k) => k !== i && v.name === name)) {
      input.setAttribute('aria-invalid', 'true');
      this.textErrors = this.textErrors.map((t, k) => (k === i ? 'A variant needs a name of its own.' : t));
      return;
    }
    input.removeAttribute('aria-invalid');
    this.textErrors = this.textErrors.map((t, k) => (k === i ? undefined : t));
    void this.updateVariant(i, { name });
  }

  private onChangesText(i: number, e: Event) {
    const text = (e.target as HTMLTextAreaElement).value;
    const texts = this.texts.map((t, k) => (k === i ? text : t));
    const parsed = parseChanges(text);
    if ('error' in parsed) {
      this.texts = texts;
      this.textErrors = this.textErrors.map((t, k) => (k === i ? parsed.error : t));
      return;
    }
    this.textErrors = this.textErrors.map((t, k) => (k === i ? undefined : t));
    void this.updateVariant(i, { changes: parsed.changes }, texts);
  }

  private removeChange(i: number, c: number) {
    const changes = this.setup!.variants[i].changes.filter((_x, k) => k !== c);
    void this.updateVariant(i, { changes }, this.texts.map((t, k) => (k === i ? changesText(changes) : t)));
  }

  private addVariant() {
    const setup = this.setup!;
    if (setup.variants.length >= MAX_VARIANTS) return;
    const variants = [...setup.variants, { name: freshVariantName(setup.variants), changes: [] }];
    this.textErrors = [...this.textErrors, undefined];
    this.quickTarget = variants.length - 1;
    void this.change({ ...setup, variants }, [...this.texts, '[]']).then(() => this.updateComplete).then(() => {
      this.renderRoot.querySelector<HTMLInputElement>(`#variant-name-${variants.length - 1}`)?.focus();
    });
  }

  private removeVariant(i: number) {
    const setup = this.setup!;
    if (setup.variants.length <= 1) return;
    this.textErrors = this.textErrors.filter((_t, k) => k !== i);
    this.quickTarget = Math.min(this.quickTarget, setup.variants.length - 2);
    void this.change({ ...setup, variants: setup.variants.filter((_v, k) => k !== i) }, this.texts.filter((_t, k) => k !== i));
  }

  private onQuickAdd(e: Event) {
    e.preventDefault();
    const setup = this.setup!;
    const q = this.quick;
    const form: QuickForm = q.kind === 'strategy' ? { kind: 'strategy', strategy: q.strategy }
      : q.kind === 'deployment' ? { kind: 'deployment', minimumHealthyPercent: q.minimumHealthyPercent, maximumPercent: q.maximumPercent }
        : q.kind === 'desiredCount' ? { kind: 'desiredCount', desiredCount: q.desiredCount }
          : q.kind === 'addInstances' ? { kind: 'addInstances', instanceType: q.instanceType, availabilityZone: q.availabilityZone, count: q.count }
            : { kind: 'terminateAz', availabilityZone: q.availabilityZone, atSeconds: q.atSeconds };
    const made = quickChange(form, setup.service);
    if ('error' in made) {
      this.quickError = made.error;
      return;
    }
    this.quickError = undefined;
    const i = this.quickTarget;
    const changes: WhatIfChange[] = [...setup.variants[i].changes, made.change];
    this.textErrors = this.textErrors.map((t, k) => (k === i ? undefined : t));
    void this.updateVariant(i, { changes }, this.texts.map((t, k) => (k === i ? changesText(changes) : t)));
  }

  private setQuick<K extends keyof QuickValues>(key: K, value: QuickValues[K]) {
    this.quick = { ...this.quick, [key]: value };
  }

  /** Runs every variant on the open scenario as it is now. */
  async run(): Promise<void> {
    const scheduler = this.scheduler;
    const setup = this.setup;
    if (!scheduler || !setup || this.running) return;
    if (this.textErrors.some((t) => t)) {
      this.error = 'Fix the variants marked above first.';
      return;
    }
    if (!setup.service) {
      this.error = 'Choose a service first.';
      return;
    }
    this.running = true;
    this.error = undefined;
    try {
      const exported = await sandboxCall<{ scenario: unknown }>(scheduler, 'ExportScenario');
      if (!exported.ok) {
        this.error = `Export failed: ${outcomeError(exported)}`;
        return;
      }
      let taskDefinition: Record<string, unknown> | undefined;
      if (setup.timeline === 'new-revision') {
        const { cluster, service } = splitService(setup.service);
        const record = this.view?.services.find((s) => s.clusterName === cluster && s.serviceName === service);
        if (!record) {
          this.error = `No service ${setup.service} in this scenario.`;
          return;
        }
        const described = await ecsCall<{ taskDefinition: Record<string, unknown> }>(scheduler, 'DescribeTaskDefinition', { taskDefinition: record.taskDefinition });
        if (!described.ok) {
          this.error = `DescribeTaskDefinition failed: ${outcomeError(described)}`;
          return;
        }
        taskDefinition = described.output.taskDefinition;
      }
      const request = whatIfRequest(exported.output.scenario, setup, timelineCalls(setup.timeline, setup.service, taskDefinition));
      const outcome = await scheduler.whatIf(request);
      if ('error' in outcome) {
        this.error = outcomeError(outcome.error);
        return;
      }
      this.report = outcome.output;
      this.reportService = setup.service;
      this.dispatchEvent(new CustomEvent('ecs-what-if-report', { detail: { report: outcome.output }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = `The worker did not answer: ${(error as Error)?.message ?? error}`;
    } finally {
      this.running = false;
    }
  }

  protected override render() {
    const setup = this.setup;
    if (!setup) return html`<p class="muted" role="status">Loading the what-if setup…</p>`;
    const services = this.services();
    return html`
      ${this.note ? html`<p class="note muted" role="status" data-testid="what-if-note">${this.note}</p>` : nothing}
      <form class="setup" aria-label="What-if setup" @submit=${(e: Event) => { e.preventDefault(); void this.run(); }}>
        <label class="stack">Service
          <select data-testid="what-if-service" @change=${(e: Event) => this.change({ ...setup, service: (e.target as HTMLSelectElement).value })}>
            ${setup.service && !services.includes(setup.service) ? html`<option selected value=${setup.service}>${setup.service} (not in the scenario)</option>` : nothing}
            ${services.map((s) => html`<option value=${s} ?selected=${s === setup.service}>${s}</option>`)}
          </select>
        </label>
        <label class="stack">Timeline
          <select data-testid="what-if-timeline"
            @change=${(e: Event) => this.change({ ...setup, timeline: (e.target as HTMLSelectElement).value as WhatIfTimelineKind })}>
            ${TIMELINE_CHOICES.map((t) => html`<option value=${t.id} ?selected=${t.id === setup.timeline}>${t.label}</option>`)}
          </select>
        </label>
        <label class="stack">Seeds (1–${MAX_SEEDS})
          <input type="number" min="1" max=${MAX_SEEDS} step="1" .value=${String(setup.seeds)} data-testid="what-if-seeds"
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const seeds = clampSeeds(Number(input.value));
              input.value = String(seeds);
              void this.change({ ...setup, seeds });
            }}>
        </label>
        <button type="submit" class="primary" data-testid="what-if-run" ?disabled=${this.running} aria-busy=${this.running ? 'true' : 'false'}>
          ${this.running ? 'Running…' : 'Run'}</button>
      </form>
      ${this.saveError ? html`<p class="error" role="alert">${this.saveError}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert" data-testid="what-if-error">${this.error}</p>` : nothing}
      <div aria-live="polite">${this.report ? this.renderReport(this.report, this.reportService ?? setup.service) : nothing}</div>
      <h3 id="variants-heading">Variants</h3>
      <div class="variants" role="list" aria-labelledby="variants-heading">
        ${setup.variants.map((v, i) => this.renderVariant(v, i))}
      </div>
      <div class="row">
        <button type="button" data-testid="what-if-add-variant" @click=${this.addVariant} ?disabled=${setup.variants.length >= MAX_VARIANTS}>Add variant</button>
      </div>
      ${this.renderQuickForm(setup)}
    `;
  }

  private renderVariant(v: WhatIfSetup['variants'][number], i: number) {
    const error = this.textErrors[i];
    return html`
      <div class="variant" role="listitem" data-testid="what-if-variant" aria-label="Variant ${v.name}">
        <label class="stack">Name
          <input id="variant-name-${i}" data-testid="what-if-variant-name" .value=${v.name} @change=${(e: Event) => this.onName(i, e)}>
        </label>
        ${v.changes.length
          ? html`<ul aria-label="Changes of ${v.name}">${v.changes.map((c, k) => html`<li><span>${describeChange(c)}</span>
              <button type="button" aria-label="Remove change ${k + 1} of ${v.name}" @click=${() => this.removeChange(i, k)}>Remove</button></li>`)}</ul>`
          : html`<p class="muted note">No changes: the scenario as it is.</p>`}
        <label class="stack">Changes (JSON list of WhatIfChange)
          <textarea data-testid="what-if-changes" spellcheck="false" aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `variant-error-${i}` : nothing} .value=${this.texts[i] ?? '[]'}
            @change=${(e: Event) => this.onChangesText(i, e)}></textarea>
        </label>
        ${error ? html`<p class="error" id="variant-error-${i}" role="alert">${error}</p>` : nothing}
        <div class="row">
          <button type="button" data-testid="what-if-remove-variant" ?disabled=${this.setup!.variants.length <= 1}
            @click=${() => this.removeVariant(i)} aria-label="Remove variant ${v.name}">Remove variant</button>
        </div>
      </div>`;
  }

  private renderQuickForm(setup: WhatIfSetup) {
    const q = this.quick;
    const zones = this.zones();
    const num = (key: 'minimumHealthyPercent' | 'maximumPercent' | 'desiredCount' | 'count' | 'atSeconds', label: string, min: number, testid: string) => html`
      <label class="stack">${label}
        <input type="number" min=${min} step="1" .value=${String(q[key])} data-testid=${testid}
          @input=${(e: Event) => this.setQuick(key, Number((e.target as HTMLInputElement).value))}></label>`;
    const zone = html`<label class="stack">Availability Zone
      <select data-testid="quick-az" @change=${(e: Event) => this.setQuick('availabilityZone', (e.target as HTMLSelectElement).value)}>
        ${zones.map((z) => html`<option value=${z} ?selected=${z === q.availabilityZone}>${z}</option>`)}
      </select></label>`;
    return html`
      <form aria-label="Add a change" @submit=${this.onQuickAdd}>
        <fieldset>
          <legend>Add a change for ${setup.service || 'the service'}</legend>
          <label class="stack">To variant
            <select data-testid="quick-target" @change=${(e: Event) => { this.quickTarget = Number((e.target as HTMLSelectElement).value); }}>
              ${setup.variants.map((v, i) => html`<option value=${i} ?selected=${i === this.quickTarget}>${v.name}</option>`)}
            </select></label>
          <label class="stack">Change
            <select data-testid="quick-kind" @change=${(e: Event) => this.setQuick('kind', (e.target as HTMLSelectElement).value as QuickForm['kind'])}>
              ${QUICK_KINDS.map((k) => html`<option value=${k.id} ?selected=${k.id === q.kind}>${k.label}</option>`)}
            </select></label>
          ${q.kind === 'strategy' ? html`<label class="stack">Strategy
              <select data-testid="quick-strategy" @change=${(e: Event) => this.setQuick('strategy', (e.target as HTMLSelectElement).value)}>
                ${STRATEGY_CHOICES.map((s) => html`<option value=${s.id} ?selected=${s.id === q.strategy}>${s.label}</option>`)}
              </select></label>`
            : q.kind === 'deployment' ? html`${num('minimumHealthyPercent', 'Minimum healthy %', 0, 'quick-min')}${num('maximumPercent', 'Maximum %', 100, 'quick-max')}`
              : q.kind === 'desiredCount' ? num('desiredCount', 'Desired count', 0, 'quick-desired')
                : q.kind === 'addInstances' ? html`<label class="stack">Instance type
                    <input data-testid="quick-instance-type" .value=${q.instanceType}
                      @input=${(e: Event) => this.setQuick('instanceType', (e.target as HTMLInputElement).value)}></label>
                    ${zone}${num('count', 'Count', 1, 'quick-count')}`
                  : html`${zone}${num('atSeconds', 'At (seconds after the timeline starts)', 0, 'quick-at')}`}
          <button type="submit" data-testid="quick-add">Add change</button>
        </fieldset>
        ${this.quickError ? html`<p class="error" role="alert">${this.quickError}</p>` : nothing}
      </form>`;
  }

  private renderReport(report: WhatIfReport, service: string) {
    const rows = comparisonRows(report, service);
    return html`
      <h3>Comparison of ${service}</h3>
      <p class="muted note">Seeds ${report.seeds.join(', ')}; at most ${report.maxSeconds} s after the timeline starts.
        ${report.seeds.length > 1 ? 'With several seeds a figure reads median (min–max).' : ''}</p>
      <div class="scroll">
        <table part="table" data-testid="what-if-table">
          <caption class="sr-only">What-if comparison: metrics in rows, variants in columns</caption>
          <thead><tr><th scope="col">Metric</th>${report.variants.map((v) => html`<th scope="col" data-testid="what-if-column">${v.name}</th>`)}</tr></thead>
          <tbody>
            ${rows.map((r) => html`<tr data-row=${r.id}><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>
      ${this.renderOverlay(report, service)}`;
  }

  private renderOverlay(report: WhatIfReport, service: string) {
    const g = overlayGeometry(report, service);
    const b = OVERLAY_BOX;
    const summary = overlaySummary(report, service);
    return html`
      <h3 id="overlay-title">Running tasks of ${service} over time, per variant</h3>
      <ul class="legend" aria-label="Legend">
        ${g.series.map((s) => html`<li><svg class="swatch" viewBox="0 0 24 6" aria-hidden="true" width="24" height="6">
          <line x1="0" y1="3" x2="24" y2="3" stroke=${s.colour} stroke-width="3" stroke-dasharray=${s.dash || nothing}></line></svg>${s.name}</li>`)}
      </ul>
      <svg part="chart" data-testid="what-if-chart" viewBox="0 0 ${b.width} ${b.height}" role="img" aria-labelledby="overlay-title" aria-describedby="overlay-summary">
        <g class="axis">
          ${g.yTicks.map((t) => svg`<line x1=${b.left} x2=${b.width - b.right} y1=${t.y} y2=${t.y}></line>
            <text x=${b.left - 4} y=${t.y + 3} text-anchor="end">${t.value}</text>`)}
          ${g.xTicks.map((t) => svg`<text x=${t.x} y=${b.height - 8} text-anchor="middle">${t.seconds} s</text>`)}
        </g>
        ${g.series.map((s) => (s.path ? svg`<path class="line" d=${s.path} stroke=${s.colour} stroke-dasharray=${s.dash || nothing}><title>${s.name}</title></path>` : nothing))}
      </svg>
      <ul id="overlay-summary" data-testid="what-if-summary">${summary.map((line) => html`<li>${line}</li>`)}</ul>`;
  }
}

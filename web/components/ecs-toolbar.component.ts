import { LitElement, css, html, nothing } from 'lit';
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import { FAULT_LABELS, faultInput, type FaultKind } from '../view/fault-request.ts';
import { formatClock, formatUtc, shortId } from '../view/format.ts';
import type { Selection } from '../view/sidebar-tree.ts';

export const SPEEDS = [1, 10, 60] as const;

/**
 * The run controls: play/pause, speed, step, run until steady, reset, inject fault, and the simulated
 * clock. It only reports what the user asked for; the shell makes the calls.
 *
 * @event ecs-play - `detail.speed`
 * @event ecs-pause
 * @event ecs-speed - `detail.speed` (1, 10 or 60)
 * @event ecs-step - advance one simulated second
 * @event ecs-run-until-steady
 * @event ecs-reset
 * @event ecs-inject-fault - `detail.input` is the EcsSandbox.InjectFault input
 * @csspart clock - the simulated clock
 */
export class EcsToolbar extends LitElement {
  static override properties = {
    view: { attribute: false },
    now: { attribute: false },
    selection: { attribute: false },
    playing: { type: Boolean, reflect: true },
    speed: { type: Number },
    busy: { attribute: false },
    steady: { attribute: false },
    faultOpen: { state: true },
    fault: { state: true },
    faultInstance: { state: true },
    faultTask: { state: true },
    faultService: { state: true },
    faultSeconds: { state: true },
    faultProblem: { state: true },
  };

  static override styles = css`
    :host { display: block; background: var(--ecs-panel-bg, #f8f9fa); border-bottom: 1px solid var(--ecs-border-color, #dadce0); }
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.6rem; padding: 0.4rem 0.75rem; }
    h1 { font-size: 1.05rem; margin: 0 0.5rem 0 0; }
    button, select, input {
      font: inherit; color: inherit; background: var(--ecs-bg, #fff); border: 1px solid var(--ecs-border-color, #bdc1c6);
      border-radius: 6px; padding: 0.2rem 0.6rem; min-height: 2rem;
    }
    button { cursor: pointer; }
    button:disabled { opacity: 0.55; cursor: default; }
    button.primary { background: var(--ecs-accent, #1a73e8); color: var(--ecs-on-accent, #fff); border-color: transparent; }
    :focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
    [role='group'] { display: inline-flex; gap: 0; }
    [role='group'] button { border-radius: 0; margin-left: -1px; }
    [role='group'] button:first-child { border-radius: 6px 0 0 6px; }
    [role='group'] button:last-child { border-radius: 0 6px 6px 0; }
    [aria-pressed='true'] { background: var(--ecs-selected-bg, #e8f0fe); font-weight: 600; }
    .clock { font-variant-numeric: tabular-nums; font-family: var(--ecs-mono-font, ui-monospace, monospace); margin-left: auto; }
    .steady { font-size: 0.9em; }
    .fault-wrap { position: relative; }
    .fault {
      position: absolute; z-index: 10; top: calc(100% + 4px); left: 0; min-width: 18rem; max-width: 90vw; display: grid; gap: 0.4rem;
      padding: 0.6rem; background: var(--ecs-bg, #fff); border: 1px solid var(--ecs-border-color, #bdc1c6); border-radius: 8px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    }
    .fault label { display: grid; gap: 0.15rem; font-size: 0.9em; }
    .problem { color: var(--ecs-error-color, #b00020); margin: 0; font-size: 0.9em; }
    .muted { color: var(--ecs-muted-color, #5f6368); }
  `;

  declare view: SandboxView | undefined;
  declare now: number;
  declare selection: Selection | undefined;
  declare playing: boolean;
  declare speed: number;
  declare busy: string | undefined;
  declare steady: boolean | undefined;
  declare faultOpen: boolean;
  declare fault: FaultKind;
  declare faultInstance: string | undefined;
  declare faultTask: string | undefined;
  declare faultService: string | undefined;
  declare faultSeconds: number;
  declare faultProblem: string | undefined;

  constructor() {
    super();
    this.now = 0;
    this.playing = false;
    this.speed = 1;
    this.faultOpen = false;
    this.fault = 'terminateInstance';
    this.faultSeconds = 60;
  }

  private emit(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private openFaults() {
    this.faultOpen = !this.faultOpen;
    this.faultProblem = undefined;
    // the selected instance is the default target
    if (this.faultOpen && this.selection?.kind === 'instance') this.faultInstance = this.selection.id;
    if (this.faultOpen && this.selection?.kind === 'task') this.faultTask = this.selection.id;
    if (this.faultOpen) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#fault-kind')?.focus());
  }

  private closeFaults() {
    this.faultOpen = false;
    this.renderRoot.querySelector<HTMLElement>('[data-testid="inject-fault"]')?.focus();
  }

  private applyFault(e: Event) {
    e.preventDefault();
    const view = this.view;
    if (!view) return;
    const instance = view.instances.find((i) => i.id === (this.faultInstance ?? view.instances[0]?.id));
    const task = view.tasks.find((t) => t.id === (this.faultTask ?? view.tasks[0]?.id));
    const lbServices = view.services.filter((s) => s.loadBalancer);
    const service = lbServices.find((s) => s.arn === (this.faultService ?? lbServices[0]?.arn));
    const cluster = this.fault === 'failTasks' ? task?.clusterName : this.fault === 'unhealthyTargets' ? service?.clusterName : instance?.clusterName;
    const built = faultInput({
      fault: this.fault, cluster: cluster ?? 'default',
      ...(instance ? { instance: instance.id } : {}), ...(task ? { task: task.id } : {}), ...(service ? { service: service.serviceName } : {}),
      seconds: this.faultSeconds,
    });
    if ('missing' in built) {
      this.faultProblem = built.missing;
      return;
    }
    this.emit('ecs-inject-fault', { input: built.input });
    this.closeFaults();
  }

  protected override render() {
    const view = this.view;
    const disabled = !view || this.busy !== undefined;
    return html`
      <div class="bar" role="toolbar" aria-label="Simulation">
        <h1>ecs-sandbox</h1>
        ${this.playing
          ? html`<button data-testid="pause" class="primary" ?disabled=${disabled} @click=${() => this.emit('ecs-pause')}>Pause</button>`
          : html`<button data-testid="play" class="primary" ?disabled=${disabled} @click=${() => this.emit('ecs-play', { speed: this.speed })}>Play</button>`}
        <div role="group" aria-label="Speed">
          ${SPEEDS.map((s) => html`<button data-testid="speed-${s}" aria-pressed=${this.speed === s ? 'true' : 'false'} ?disabled=${disabled}
            aria-label="Speed ${s}×" @click=${() => this.emit('ecs-speed', { speed: s })}>${s}×</button>`)}
        </div>
        <button data-testid="step" ?disabled=${disabled} title="Advance the simulated clock by one second" @click=${() => this.emit('ecs-step')}>Step 1 s</button>
        <button data-testid="run-until-steady" ?disabled=${disabled} @click=${() => this.emit('ecs-run-until-steady')}>Run until steady</button>
        ${this.steady === undefined ? nothing : html`<span class="steady" data-testid="steady-result">${this.steady ? 'Steady' : 'Not steady'}</span>`}
        <button data-testid="reset" ?disabled=${disabled} @click=${() => this.emit('ecs-reset')}>Reset</button>
        <span class="fault-wrap">
          <button data-testid="inject-fault" aria-haspopup="dialog" aria-expanded=${this.faultOpen ? 'true' : 'false'} aria-controls="fault-menu"
            ?disabled=${disabled} @click=${this.openFaults}>Inject fault</button>
          ${this.faultOpen && view ? this.renderFaultMenu(view) : nothing}
        </span>
        <span class="clock" part="clock" data-testid="clock" role="timer" aria-label="Simulated time since start"
          title=${view ? formatUtc(this.now || view.now) + ' UTC (simulated)' : ''}>
          ${view ? formatClock(this.now || view.now, view.startedAt) : '—'}
          <span class="muted">${this.playing ? `${this.speed}×` : 'paused'}</span>
        </span>
      </div>
    `;
  }

  private renderFaultMenu(view: SandboxView) {
    const lbServices = view.services.filter((s) => s.loadBalancer);
    const liveInstances = view.instances.filter((i) => i.status !== 'INACTIVE');
    const tasks = view.tasks.slice(0, 500);
    return html`
      <form class="fault" id="fault-menu" role="dialog" aria-label="Inject fault" data-testid="fault-menu"
        @submit=${this.applyFault} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); this.closeFaults(); } }}>
        <label>Fault
          <select id="fault-kind" data-testid="fault-kind" @change=${(e: Event) => { this.fault = (e.target as HTMLSelectElement).value as FaultKind; this.faultProblem = undefined; }}>
            ${(Object.keys(FAULT_LABELS) as FaultKind[]).map((k) => html`<option value=${k} ?selected=${this.fault === k}>${FAULT_LABELS[k]}</option>`)}
          </select>
        </label>
        ${this.fault === 'terminateInstance' || this.fault === 'disconnectAgent' ? html`
          <label>Instance
            <select data-testid="fault-instance" @change=${(e: Event) => { this.faultInstance = (e.target as HTMLSelectElement).value; }}>
              ${liveInstances.map((i) => html`<option value=${i.id} ?selected=${this.faultInstance === i.id}>${i.ec2InstanceId} (${i.availabilityZone})</option>`)}
            </select>
          </label>` : nothing}
        ${this.fault === 'failTasks' ? html`
          <label>Task
            <select data-testid="fault-task" @change=${(e: Event) => { this.faultTask = (e.target as HTMLSelectElement).value; }}>
              ${tasks.map((t) => html`<option value=${t.id} ?selected=${this.faultTask === t.id}>${shortId(t.id)} ${t.serviceName ?? t.group} (${t.lastStatus})</option>`)}
            </select>
          </label>` : nothing}
        ${this.fault === 'unhealthyTargets' ? html`
          <label>Service
            <select data-testid="fault-service" @change=${(e: Event) => { this.faultService = (e.target as HTMLSelectElement).value; }}>
              ${lbServices.map((s) => html`<option value=${s.arn} ?selected=${this.faultService === s.arn}>${s.serviceName} (${s.clusterName})</option>`)}
            </select>
          </label>` : nothing}
        ${this.fault === 'unhealthyTargets' || this.fault === 'disconnectAgent' ? html`
          <label>For how many simulated seconds
            <input type="number" min="1" max="86400" step="1" data-testid="fault-seconds" .value=${String(this.faultSeconds)}
              @input=${(e: Event) => { this.faultSeconds = Number((e.target as HTMLInputElement).value); }}>
          </label>` : nothing}
        ${this.faultProblem ? html`<p class="problem" role="alert">${this.faultProblem}</p>` : nothing}
        <div><button type="submit" class="primary" data-testid="fault-apply">Inject</button>
          <button type="button" @click=${this.closeFaults}>Cancel</button></div>
      </form>
    `;
  }
}

import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { SandboxView, TaskView } from '../../src/worker/scheduler-api.ts';
import { buildClusterMap, tasksWithoutInstance, type MapInstance, type MapZone } from '../view/cluster-map-model.ts';
import { hostPortsText, percent, shortArn, usageText } from '../view/format.ts';
import type { Selection } from '../view/sidebar-tree.ts';
import { taskBlocksHtml } from '../view/task-blocks-html.ts';
import { moveInGrid } from '../view/task-grid.ts';

/** performance.mark name set once per page, when the map first shows instance cards. */
export const FIRST_VIEW_MARK = 'ecs-first-view';
/** New or changed instance cards drawn per update: their markup parse and layout stay well inside one frame. */
const CARDS_PER_FRAME = 60;
/** Cards per guarded group: an update that changed no card of a group skips its cards entirely. */
const CARDS_PER_GROUP = 100;
let firstViewMarked = false;

/**
 * The cluster map: container instances grouped by Availability Zone, each a card with CPU and memory
 * bars and its live tasks as blocks coloured by service (darker: PRIMARY deployment; lighter and
 * striped: an older ACTIVE one; hollow: pending). DRAINING, INACTIVE and disconnected instances say so
 * in text. Hover or focus a block for the task's details; arrow keys move between blocks of a card.
 * A card renders again only when what it shows changed (cluster-map-model.ts instanceSignature), and
 * its blocks are one markup string, so 5,000 tasks stay cheap.
 *
 * @event ecs-select - `{kind: 'instance', id}` when a card is chosen, `{kind: 'task', id}` for a block
 * @cssprop --ecs-card-bg, --ecs-border-color, --ecs-cpu-color, --ecs-memory-color, --ecs-warn-color
 */
export class EcsClusterMap extends LitElement {
  static override properties = {
    view: { attribute: false },
    selection: { attribute: false },
    cluster: { reflect: true },
    hovered: { state: true },
  };

  static override styles = css`
    :host { display: block; font: inherit; position: relative; }
    .zones { display: grid; gap: 0.75rem; }
    section.zone h2 { font-size: 0.95rem; margin: 0.25rem 0 0.35rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr)); gap: 0.5rem; }
    article {
      background: var(--ecs-card-bg, #fff); border: 1px solid var(--ecs-border-color, #dadce0); border-radius: 8px;
      padding: 0.4rem 0.5rem 0.5rem; display: grid; gap: 0.25rem; content-visibility: auto; contain-intrinsic-size: auto 7rem;
    }
    article[aria-current='true'] { border-color: var(--ecs-accent, #1a73e8); box-shadow: 0 0 0 2px var(--ecs-accent, #1a73e8); }
    article.draining { border-style: dashed; }
    article.inactive, article.disconnected { background: var(--ecs-card-warn-bg, #fef7e0); }
    header { display: flex; flex-wrap: wrap; gap: 0.1rem 0.4rem; align-items: baseline; cursor: pointer; }
    header:focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 2px; border-radius: 4px; }
    .name { font-family: var(--ecs-mono-font, ui-monospace, monospace); font-size: 0.85em; font-weight: 600; }
    .type { color: var(--ecs-muted-color, #5f6368); font-size: 0.8em; }
    .mark { font-size: 0.72em; font-weight: 700; letter-spacing: 0.02em; border: 1px solid var(--ecs-warn-color, #b06000);
      color: var(--ecs-warn-color, #b06000); border-radius: 3px; padding: 0 0.3em; text-transform: uppercase; }
    .bar { display: grid; grid-template-columns: 3.6rem 1fr; align-items: center; gap: 0.35rem; font-size: 0.75em; }
    .track { height: 0.5rem; border-radius: 3px; background: var(--ecs-track-bg, #e8eaed); overflow: hidden; }
    .fill { height: 100%; background: var(--ecs-cpu-color, #1a73e8); }
    .memory .fill { background: var(--ecs-memory-color, #188038); }
    .tasks { display: flex; flex-wrap: wrap; gap: 2px; min-height: 10px; }
    .tasks .t { width: 10px; height: 10px; border-radius: 2px; background: var(--c); box-sizing: border-box; }
    .tasks .t.old { background: repeating-linear-gradient(135deg, var(--c) 0 2px, transparent 2px 4px); box-shadow: inset 0 0 0 1px var(--c); }
    .tasks .t.pending { background: transparent; box-shadow: inset 0 0 0 2px var(--c); }
    .tasks .t.stopping { opacity: 0.45; }
    .tasks .t:focus { outline: 2px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
    .count { font-size: 0.75em; color: var(--ecs-muted-color, #5f6368); }
    .tip {
      position: fixed; z-index: 20; pointer-events: none; max-width: 22rem; padding: 0.4rem 0.55rem; border-radius: 6px; font-size: 0.8em;
      background: var(--ecs-tip-bg, #202124); color: var(--ecs-tip-fg, #fff); box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
    }
    .tip dl { display: grid; grid-template-columns: auto 1fr; gap: 0.05rem 0.5rem; margin: 0; }
    .tip dt { opacity: 0.75; }
    .tip dd { margin: 0; overflow-wrap: anywhere; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.8em; margin: 0 0 0.4rem; color: var(--ecs-muted-color, #5f6368); }
    .legend .t { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: -1px; margin-right: 0.25em; --c: #5f6368; background: var(--c); }
    .legend .t.old { background: repeating-linear-gradient(135deg, var(--c) 0 2px, transparent 2px 4px); box-shadow: inset 0 0 0 1px var(--c); }
    .legend .t.pending { background: transparent; box-shadow: inset 0 0 0 2px var(--c); }
    .muted { color: var(--ecs-muted-color, #5f6368); }
  `;

  declare view: SandboxView | undefined;
  declare selection: Selection | undefined;
  /** Show only this cluster; all clusters when empty. */
  declare cluster: string;
  declare hovered: { task: TaskView; x: number; y: number; deployment: string } | undefined;
  private zones: MapZone[] = [];
  private tasksById: Map<string, TaskView> | undefined;

  constructor() {
    super();
    this.cluster = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('cluster')) {
      this.zones = this.view ? buildClusterMap(this.view, this.cluster || undefined) : [];
      this.tasksById = undefined;
      if (this.hovered) {
        const still = this.taskById(this.hovered.task.id);
        this.hovered = still ? { ...this.hovered, task: still } : undefined;
      }
    }
  }

  protected override updated(): void {
    // The cold-load signal `npm run bench:web` reads (test/bench/playground): the first instance cards are in the DOM.
    if (!firstViewMarked && this.zones.length > 0) {
      firstViewMarked = true;
      performance.mark(FIRST_VIEW_MARK);
    }
  }

  private taskById(id: string): TaskView | undefined {
    this.tasksById ??= new Map(this.view?.tasks.map((t) => [t.id, t]) ?? []);
    return this.tasksById.get(id);
  }

  private showTip(target: EventTarget | null, pointer?: { x: number; y: number }) {
    const el = target instanceof HTMLElement ? target.closest<HTMLElement>('.t[data-task-id]') : null;
    if (!el) return;
    const task = this.taskById(el.dataset.taskId!);
    if (!task) return;
    const rect = el.getBoundingClientRect();
    const status = this.view?.services.find((s) => s.serviceName === task.serviceName && s.clusterName === task.clusterName)
      ?.deployments.find((d) => d.id === task.deploymentId)?.status ?? '';
    const x = Math.min((pointer?.x ?? rect.right) + 12, window.innerWidth - 300);
    const y = Math.min((pointer?.y ?? rect.bottom) + 12, window.innerHeight - 160);
    this.hovered = { task, x, y, deployment: status };
  }

  private hideTip = () => { this.hovered = undefined; };

  private select(detail: Selection) {
    this.dispatchEvent(new CustomEvent('ecs-select', { detail, bubbles: true, composed: true }));
  }

  private onTasksKey(e: KeyboardEvent) {
    const el = e.target as HTMLElement;
    if (!el.classList?.contains('t')) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.select({ kind: 'task', id: el.dataset.taskId! });
      return;
    }
    const container = el.parentElement!;
    const blocks = container.children;
    const index = Number(el.dataset.index);
    // columns as laid out: blocks on the first row
    const top = (blocks[0] as HTMLElement).offsetTop;
    let columns = 0;
    while (columns < blocks.length && (blocks[columns] as HTMLElement).offsetTop === top) columns++;
    const next = moveInGrid(index, e.key, blocks.length, Math.max(1, columns));
    if (next === index || next < 0) return;
    e.preventDefault();
    el.tabIndex = -1;
    const to = blocks[next] as HTMLElement;
    to.tabIndex = 0;
    to.focus();
  }

  /**
   * The card to draw for `m` in this update: `m` itself, unless this update already drew
   * CARDS_PER_FRAME new or changed cards, in which case the card as last drawn stays (a new one is
   * not drawn yet) and the next frame catches up. A deployment changes every card at once; drawn in
   * slices, no main-thread task grows with the cluster (issue 5: none over 50 ms while 5,000 tasks move).
   */
  private drawn(m: MapInstance): MapInstance | undefined {
    const before = this.shownCards.get(m.instance.id);
    if (before === m || before?.signature === m.signature) {
      this.shownCards.set(m.instance.id, m);
      return m;
    }
    if (this.cardsThisUpdate >= CARDS_PER_FRAME) {
      this.behind = true;
      return before; // a card not drawn yet appears in a later frame
    }
    this.cardsThisUpdate++;
    this.shownCards.set(m.instance.id, m);
    return m;
  }

  private drawnCards(zone: MapZone): MapInstance[] {
    const out: MapInstance[] = [];
    for (const m of zone.instances) {
      const shown = this.drawn(m);
      if (shown) out.push(shown);
    }
    return out;
  }

  /** instance id → the MapInstance its card shows now. */
  private shownCards = new Map<string, MapInstance>();
  private cardsThisUpdate = 0;
  private behind = false;
  private catchUpFrame = 0;

  protected override update(changed: PropertyValues<this>): void {
    this.cardsThisUpdate = 0;
    this.behind = false;
    super.update(changed);
    cancelAnimationFrame(this.catchUpFrame);
    if (this.behind) this.catchUpFrame = requestAnimationFrame(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.catchUpFrame);
  }

  protected override render() {
    const view = this.view;
    if (!view) return html`<p class="muted">Loading the cluster…</p>`;
    const selectedInstance = this.selection?.kind === 'instance' ? this.selection.id : undefined;
    const withoutInstance = tasksWithoutInstance(view);
    return html`
      <p class="legend" aria-hidden="true">
        <span><span class="t"></span>primary deployment</span><span><span class="t old"></span>older deployment</span>
        <span><span class="t pending"></span>pending</span><span>colour = service</span>
      </p>
      ${this.zones.length === 0 ? html`<p class="muted">No container instances${this.cluster ? ` in ${this.cluster}` : ''}.</p>` : nothing}
      <div class="zones" data-testid="cluster-map"
        @pointerover=${(e: PointerEvent) => this.showTip(e.target, { x: e.clientX, y: e.clientY })}
        @pointerout=${(e: PointerEvent) => { if ((e.target as HTMLElement).classList?.contains('t')) this.hideTip(); }}
        @focusin=${(e: FocusEvent) => this.showTip(e.target)} @focusout=${this.hideTip}
        @click=${(e: Event) => {
          const block = (e.target as HTMLElement).closest<HTMLElement>('.t[data-task-id]');
          if (block) this.select({ kind: 'task', id: block.dataset.taskId! });
        }}
        @keydown=${this.onTasksKey}>
        ${repeat(this.zones, (z) => z.availabilityZone, (zone) => html`
          <section class="zone" aria-label="Availability Zone ${zone.availabilityZone}" data-testid="zone" data-zone=${zone.availabilityZone}>
            <h2>${zone.availabilityZone} <span class="muted">· ${zone.instances.length} instance${zone.instances.length === 1 ? '' : 's'}</span></h2>
            <div class="cards">
              ${this.renderCards(zone, selectedInstance)}
            </div>
          </section>`)}
      </div>
      ${withoutInstance ? html`<p class="muted">${withoutInstance} task${withoutInstance === 1 ? '' : 's'} without a container instance (FARGATE).</p>` : nothing}
      ${this.hovered ? this.renderTip(this.hovered) : nothing}
    `;
  }

  /**
   * The zone's cards in groups of CARDS_PER_GROUP, each behind a guard that moves only when one of its
   * cards is drawn differently: a frame that draws 60 changed cards touches one or two groups, not the
   * 5,000 cards' parts (that walk alone was about 15 ms per frame).
   */
  private renderCards(zone: MapZone, selected: string | undefined) {
    const cards = this.drawnCards(zone);
    const groups = [];
    for (let start = 0; start < cards.length; start += CARDS_PER_GROUP) {
      const group = cards.slice(start, start + CARDS_PER_GROUP);
      const version = this.groupVersion(`${zone.availabilityZone}\u0000${start}`, group, selected);
      groups.push(guard([version], () => repeat(group, (m) => m.instance.id,
        (m) => guard([m.signature, m.instance.id === selected], () => this.renderCard(m, m.instance.id === selected)))));
    }
    return groups;
  }

  /** group key → what its cards showed when last drawn, and a version that moves when that changes. */
  private groups = new Map<string, { ids: string[]; signatures: string[]; selected: string; version: number }>();
  private groupVersions = 0;

  private groupVersion(key: string, group: readonly MapInstance[], selected: string | undefined): number {
    const chosen = selected !== undefined && group.some((m) => m.instance.id === selected) ? selected : '';
    const before = this.groups.get(key);
    if (before && before.selected === chosen && before.ids.length === group.length &&
      group.every((m, i) => before.ids[i] === m.instance.id && before.signatures[i] === m.signature)) return before.version;
    const version = ++this.groupVersions;
    this.groups.set(key, { ids: group.map((m) => m.instance.id), signatures: group.map((m) => m.signature), selected: chosen, version });
    return version;
  }

  private renderCard(m: MapInstance, selected: boolean) {
    const i = m.instance;
    const classes = [i.status === 'DRAINING' ? 'draining' : '', i.status === 'INACTIVE' ? 'inactive' : '', i.agentConnected ? '' : 'disconnected'].join(' ');
    const cpu = percent(i.cpu.used, i.cpu.registered);
    const memory = percent(i.memory.used, i.memory.registered);
    const name = `${i.ec2InstanceId}, ${i.instanceType}${m.marks.length ? `, ${m.marks.join(', ')}` : ''}, ${m.tasks.length} task${m.tasks.length === 1 ? '' : 's'}`;
    return html`
      <article class=${classes} data-testid="instance-card" data-instance-id=${i.id} aria-label=${name} aria-current=${selected ? 'true' : 'false'}>
        <header tabindex="0" role="button" aria-label="Select instance ${i.ec2InstanceId}"
          @click=${() => this.select({ kind: 'instance', id: i.id })}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.select({ kind: 'instance', id: i.id }); } }}>
          <span class="name">${i.ec2InstanceId}</span><span class="type">${i.instanceType}${i.privateIp ? ` · ${i.privateIp}` : ''}</span>
          ${m.marks.map((mark) => html`<span class="mark" data-testid="instance-mark">${mark}</span>`)}
        </header>
        <div class="bar cpu"><span>CPU ${cpu}%</span>
          <div class="track" role="meter" aria-label="CPU used" aria-valuemin="0" aria-valuemax=${i.cpu.registered} aria-valuenow=${Math.min(i.cpu.used, i.cpu.registered)}
            aria-valuetext=${usageText(i.cpu.used, i.cpu.registered)} title="CPU units ${usageText(i.cpu.used, i.cpu.registered)}"><div class="fill" style="width: ${cpu}%"></div></div></div>
        <div class="bar memory"><span>Mem ${memory}%</span>
          <div class="track" role="meter" aria-label="Memory used" aria-valuemin="0" aria-valuemax=${i.memory.registered} aria-valuenow=${Math.min(i.memory.used, i.memory.registered)}
            aria-valuetext="${usageText(i.memory.used, i.memory.registered)} MiB" title="Memory MiB ${usageText(i.memory.used, i.memory.registered)}"><div class="fill" style="width: ${memory}%"></div></div></div>
        <div class="tasks" role="group" aria-label="Tasks on ${i.ec2InstanceId}">${unsafeHTML(taskBlocksHtml(m.tasks))}</div>
        ${m.tasks.length === 0 ? html`<span class="count">no tasks</span>` : html`<span class="count">${m.tasks.length} task${m.tasks.length === 1 ? '' : 's'}</span>`}
      </article>`;
  }

  private renderTip(h: NonNullable<EcsClusterMap['hovered']>) {
    const t = h.task;
    return html`
      <div class="tip" role="tooltip" data-testid="task-tooltip" style="left: ${h.x}px; top: ${h.y}px">
        <dl>
          <dt>Task</dt><dd>${t.id}</dd>
          <dt>Status</dt><dd>${t.lastStatus}${t.desiredStatus !== t.lastStatus ? ` → ${t.desiredStatus}` : ''}</dd>
          <dt>Service</dt><dd>${t.serviceName ?? t.group}</dd>
          ${t.deploymentId ? html`<dt>Deployment</dt><dd>${h.deployment || 'ACTIVE'} ${t.deploymentId}</dd>` : nothing}
          <dt>Definition</dt><dd>${shortArn(t.taskDefinitionArn)}</dd>
          <dt>Host ports</dt><dd>${hostPortsText(t.hostPorts)}</dd>
          ${t.privateIp ? html`<dt>IP</dt><dd>${t.privateIp}</dd>` : nothing}
          ${t.stoppedReason ? html`<dt>Reason</dt><dd>${t.stoppedReason}</dd>` : nothing}
        </dl>
      </div>`;
  }
}

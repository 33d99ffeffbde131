import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { CallError, CallOutcome, SandboxView, ScenarioSummary } from '../../src/worker/scheduler-api.ts';
import { MAX_CHILDREN, buildSidebarTree, selectionKey, treeKey, visibleRows, type Selection, type TreeNode, type VisibleRow } from '../view/sidebar-tree.ts';

/**
 * The scenario library methods the persistence work adds to SchedulerApi (issue 5 item 4), as far as
 * the sidebar uses them. Typed here so the sidebar compiles whatever state that work is in; a worker
 * without them rejects through comlink and the section says the library is not available.
 */
interface ScenarioLibraryApi {
  listScenarios(): Promise<CallOutcome<ScenarioSummary[]>>;
  currentScenario(): Promise<CallOutcome<{ scenario?: ScenarioSummary; unsaved: boolean; saveError?: CallError }>>;
  newScenario(name: string, from: 'empty' | 'demo'): Promise<CallOutcome<ScenarioSummary>>;
  openScenario(id: string): Promise<CallOutcome<ScenarioSummary>>;
}

/**
 * The scenario's resources as a tree: clusters → container instances, task definitions, services and
 * service-discovery registries. A WAI-ARIA tree: arrow keys move, Right/Left expand and collapse,
 * Enter or Space selects.
 *
 * @event ecs-select - `detail` is `{kind, id}` (sidebar-tree.ts Selection)
 * @event ecs-scenario-change - another scenario was opened or created: the shell reloads everything
 * @slot footer - below the tree (the shell puts the core status there)
 */
export class EcsScenarioSidebar extends LitElement {
  static override properties = {
    view: { attribute: false },
    scheduler: { attribute: false },
    selection: { attribute: false },
    collapsed: { state: true },
    focusKey: { state: true },
    library: { state: true },
    libraryProblem: { state: true },
    currentId: { state: true },
  };

  static override styles = css`
    :host { display: flex; flex-direction: column; font: inherit; background: var(--ecs-panel-bg, #f8f9fa); }
    h2 { font-size: 0.95rem; margin: 0.6rem 0.75rem 0.25rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    [role='treeitem'] > .row {
      display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 0.35rem; padding: 0.15rem 0.5rem; cursor: pointer; border-radius: 4px;
      padding-left: calc(0.5rem + (var(--level) - 1) * 0.9rem);
    }
    [role='treeitem']:focus { outline: none; }
    [role='treeitem']:focus-visible > .row { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: -3px; }
    [role='treeitem'][aria-selected='true'] > .row { background: var(--ecs-selected-bg, #e8f0fe); font-weight: 600; }
    .row:hover { background: var(--ecs-hover-bg, rgb(0 0 0 / 0.05)); }
    .twisty { display: inline-block; width: 0.8rem; text-align: center; flex: none; color: var(--ecs-muted-color, #5f6368); }
    .label { overflow-wrap: anywhere; min-width: 0; }
    .row > .detail { margin-left: 1.15rem; }
    .group > .row > .detail { margin-left: 0; }
    .group > .row .label { font-weight: 600; }
    .detail { color: var(--ecs-muted-color, #5f6368); font-size: 0.82em; }
    .library { padding: 0 0.75rem 0.5rem; font-size: 0.9em; }
    .library button { font: inherit; }
    .muted { color: var(--ecs-muted-color, #5f6368); }
    ::slotted(*) { margin: auto 0.75rem 0.5rem; font-size: 0.85em; }
  `;

  declare view: SandboxView | undefined;
  declare scheduler: unknown;
  declare selection: Selection | undefined;
  declare collapsed: Set<string>;
  declare focusKey: string | undefined;
  declare library: ScenarioSummary[] | undefined;
  declare libraryProblem: string | undefined;
  declare currentId: string | undefined;
  private tree: TreeNode[] = [];
  private rows: VisibleRow[] = [];

  constructor() {
    super();
    this.collapsed = new Set();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('collapsed')) {
      if (changed.has('view')) this.tree = this.view ? buildSidebarTree(this.view) : [];
      this.rows = visibleRows(this.tree, this.collapsed);
    }
    if (changed.has('scheduler') && this.scheduler) void this.loadLibrary();
  }

  private select(node: TreeNode) {
    if (!node.selection) return;
    this.dispatchEvent(new CustomEvent('ecs-select', { detail: node.selection, bubbles: true, composed: true }));
  }

  private toggle(key: string, expand?: boolean) {
    const next = new Set(this.collapsed);
    if (expand ?? next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  }

  private onKey(e: KeyboardEvent) {
    const index = this.rows.findIndex((r) => r.node.key === this.currentFocusKey());
    if (index < 0) return;
    const row = this.rows[index];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (row.node.selection) this.select(row.node);
      else if (row.hasChildren) this.toggle(row.node.key);
      return;
    }
    const move = treeKey(this.rows, index, e.key);
    if (move.index === index && !move.toggle) return;
    e.preventDefault();
    if (move.toggle) this.toggle(row.node.key, move.toggle === 'expand');
    this.focusRow(this.rows[move.index]?.node.key ?? row.node.key);
  }

  private currentFocusKey(): string | undefined {
    return this.focusKey ?? this.rows[0]?.node.key;
  }

  private focusRow(key: string) {
    this.focusKey = key;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  }

  // ── SCENARIO LIBRARY (issue 5 item 4; the persistence helper's SchedulerApi methods) ────────────────
  // listScenarios / currentScenario / newScenario / openScenario are called when the worker has them;
  // until then the section says the library is not available. Duplicate, rename, delete, import and
  // export belong here too (persistence work). `ecs-scenario-change` tells the shell to reload.
  private get libraryApi(): ScenarioLibraryApi | undefined {
    return this.scheduler as ScenarioLibraryApi | undefined;
  }

  private async loadLibrary(): Promise<void> {
    const api = this.libraryApi;
    if (!api) return;
    try {
      const [list, current] = await Promise.all([api.listScenarios(), api.currentScenario()]);
      if ('error' in list) throw new Error(list.error.message);
      this.library = list.output;
      this.currentId = 'output' in current ? current.output.scenario?.id : undefined;
      this.libraryProblem = 'output' in current && current.output.saveError ? `Not saved: ${current.output.saveError.message}` : undefined;
    } catch {
      this.library = undefined;
      this.libraryProblem = 'The scenario library is not available yet.';
    }
  }

  private async libraryAction(run: (api: ScenarioLibraryApi) => Promise<CallOutcome<unknown>>) {
    const api = this.libraryApi;
    if (!api) return;
    try {
      const outcome = await run(api);
      if ('error' in outcome) this.libraryProblem = `${outcome.error.code}: ${outcome.error.message}`;
      else this.dispatchEvent(new CustomEvent('ecs-scenario-change', { bubbles: true, composed: true }));
    } catch (error) {
      this.libraryProblem = (error as Error)?.message ?? String(error);
    }
    await this.loadLibrary();
  }

  private renderLibrary() {
    return html`
      <section class="library" aria-labelledby="library-heading" data-testid="scenario-library">
        <h2 id="library-heading">Scenarios</h2>
        ${this.library ? html`
          <ul>${this.library.map((s) => html`<li>
            <button data-testid="open-scenario" aria-current=${s.id === this.currentId ? 'true' : 'false'} ?disabled=${s.id === this.currentId}
              @click=${() => this.libraryAction((api) => api.openScenario(s.id))} aria-label="Open scenario ${s.name}">${s.name}</button>
            ${s.id === this.currentId ? html`<span class="muted">(open)</span>` : nothing}
            ${s.problem ? html`<span class="muted">${s.problem}</span>` : nothing}</li>`)}</ul>
          <button data-testid="new-scenario-demo" @click=${() => this.libraryAction((api) => api.newScenario('Demo', 'demo'))}>New from demo</button>
          <button data-testid="new-scenario-empty" @click=${() => this.libraryAction((api) => api.newScenario('Untitled', 'empty'))}>New empty</button>` : nothing}
        ${this.libraryProblem ? html`<p class="muted" role="status">${this.libraryProblem}</p>` : nothing}
      </section>`;
  }
  // ── end SCENARIO LIBRARY ─────────────────────────────────────────────────────────────────────────

  protected override render() {
    const focusKey = this.currentFocusKey();
    const selected = this.selection ? selectionKey(this.selection) : undefined;
    return html`
      ${this.renderLibrary()}
      <h2 id="tree-heading">Resources</h2>
      <ul role="tree" aria-labelledby="tree-heading" data-testid="resource-tree" @keydown=${this.onKey}>
        ${this.tree.map((node) => this.renderNode(node, 1, focusKey, selected))}
      </ul>
      ${this.view ? nothing : html`<p class="muted" style="margin: 0 0.75rem">Loading the scenario…</p>`}
      <slot name="footer"></slot>
    `;
  }

  private renderNode(node: TreeNode, level: number, focusKey: string | undefined, selected: string | undefined): unknown {
    const hasChildren = (node.children?.length ?? 0) > 0;
    const expanded = hasChildren && !this.collapsed.has(node.key);
    const isGroup = node.key.startsWith('group:');
    return html`
      <li role="treeitem" class=${isGroup ? 'group' : ''} data-key=${node.key} data-testid="tree-${node.key}"
        aria-level=${level} aria-expanded=${hasChildren ? (expanded ? 'true' : 'false') : nothing}
        aria-selected=${node.selection ? (node.key === selected ? 'true' : 'false') : nothing}
        aria-label=${node.detail ? `${node.label}, ${node.detail}` : node.label}
        tabindex=${node.key === focusKey ? 0 : -1}
        @focus=${(e: FocusEvent) => { if (e.target === e.currentTarget) this.focusKey = node.key; }}>
        <div class="row" style="--level: ${level}" @click=${(e: Event) => {
          e.stopPropagation();
          this.focusRow(node.key);
          if (node.selection) this.select(node);
          else if (hasChildren) this.toggle(node.key);
        }}>
          <span class="twisty" aria-hidden="true" @click=${(e: Event) => { if (hasChildren) { e.stopPropagation(); this.toggle(node.key); } }}>
            ${hasChildren ? (expanded ? '▾' : '▸') : ''}</span>
          <span class="label">${node.label}</span>
          ${isGroup ? html`<span class="detail">(${node.children?.length ?? 0})</span>` : node.detail ? html`<span class="detail">${node.detail}</span>` : nothing}
        </div>
        ${expanded ? html`<ul role="group">${node.children!.slice(0, MAX_CHILDREN).map((c) => this.renderNode(c, level + 1, focusKey, selected))}</ul>
          ${node.children!.length > MAX_CHILDREN ? html`<p class="detail" style="margin: 0 0 0 2rem">and ${node.children!.length - MAX_CHILDREN} more (select them on the map)</p>` : nothing}` : nothing}
      </li>`;
  }
}

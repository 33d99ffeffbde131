import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import type { EcsScenarioLibrary } from './ecs-scenario-library.component.ts';
import { MAX_CHILDREN, buildSidebarTree, selectionKey, treeKey, visibleRows, type Selection, type TreeNode, type VisibleRow } from '../view/sidebar-tree.ts';

/**
 * The scenario's resources as a tree: clusters → container instances, task definitions, services and
 * service-discovery registries. A WAI-ARIA tree: arrow keys move, Right/Left expand and collapse,
 * Enter or Space selects. Above it, the scenario library (ecs-scenario-library); a scenario file
 * dropped anywhere on the sidebar is imported.
 *
 * @event ecs-select - `detail` is `{kind, id}` (sidebar-tree.ts Selection)
 * @event ecs-scenario-change - from <ecs-scenario-library>: another scenario is open (or the open one was
 *   reloaded from another tab, `detail.reason` `other-tab`): the shell reloads everything
 * @slot footer - below the tree (the shell puts the core status there)
 */
export class EcsScenarioSidebar extends LitElement {
  static override properties = {
    view: { attribute: false },
    scheduler: { attribute: false },
    selection: { attribute: false },
    collapsed: { state: true },
    focusKey: { state: true },
    dragging: { state: true },
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
    :host([data-dragging]) { outline: 3px dashed var(--ecs-accent, #1a73e8); outline-offset: -3px; }
    .drop-hint { margin: 0 0.75rem 0.5rem; padding: 0.4rem; border: 2px dashed var(--ecs-accent, #1a73e8); border-radius: 6px; text-align: center; }
    .muted { color: var(--ecs-muted-color, #5f6368); }
    ::slotted(*) { margin: auto 0.75rem 0.5rem; font-size: 0.85em; }
  `;

  declare view: SandboxView | undefined;
  declare scheduler: unknown;
  declare selection: Selection | undefined;
  declare collapsed: Set<string>;
  declare focusKey: string | undefined;
  /** A file is being dragged over the sidebar. */
  declare dragging: boolean;
  private tree: TreeNode[] = [];
  private rows: VisibleRow[] = [];

  constructor() {
    super();
    this.collapsed = new Set();
    this.dragging = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dragging')) this.toggleAttribute('data-dragging', this.dragging);
    if (changed.has('view') || changed.has('collapsed')) {
      if (changed.has('view')) this.tree = this.view ? buildSidebarTree(this.view) : [];
      this.rows = visibleRows(this.tree, this.collapsed);
    }
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

  // ── SCENARIO LIBRARY (issue 5 item 4): <ecs-scenario-library>, and scenario files dropped on the sidebar ──
  private renderLibrary() {
    return html`
      <section class="library" aria-label="Scenario library" data-testid="scenario-library">
        <ecs-scenario-library .scheduler=${this.scheduler} .clockRunning=${this.view?.clock.mode === 'realtime'}></ecs-scenario-library>
      </section>
      ${this.dragging ? html`<p class="drop-hint" data-testid="drop-hint" aria-hidden="true">Drop a scenario file to import it</p>` : nothing}`;
  }

  private dragDepth = 0;

  private static carriesFiles(e: DragEvent): boolean {
    return Array.from(e.dataTransfer?.types ?? []).includes('Files');
  }

  private onDragEnter = (e: DragEvent) => {
    if (!EcsScenarioSidebar.carriesFiles(e)) return;
    e.preventDefault();
    this.dragDepth++;
    this.dragging = true;
  };

  private onDragOver = (e: DragEvent) => {
    if (!EcsScenarioSidebar.carriesFiles(e)) return;
    e.preventDefault(); // allows the drop
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private onDragLeave = (e: DragEvent) => {
    if (!EcsScenarioSidebar.carriesFiles(e)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  };

  private onDrop = (e: DragEvent) => {
    if (!EcsScenarioSidebar.carriesFiles(e)) return;
    e.preventDefault(); // the browser would otherwise open the file in place of the playground
    this.dragDepth = 0;
    this.dragging = false;
    const file = e.dataTransfer?.files[0];
    if (file) void this.renderRoot.querySelector<EcsScenarioLibrary>('ecs-scenario-library')?.importFile(file);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('dragenter', this.onDragEnter);
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('dragenter', this.onDragEnter);
    this.removeEventListener('dragover', this.onDragOver);
    this.removeEventListener('dragleave', this.onDragLeave);
    this.removeEventListener('drop', this.onDrop);
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

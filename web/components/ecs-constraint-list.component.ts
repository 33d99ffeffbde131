import { LitElement, html, nothing } from 'lit';
import type { SchedulerApi } from '../../src/worker/scheduler-api.ts';
import { CONSTRAINT_TYPES } from '../editors/aws-shapes.ts';
import { MAX_CONSTRAINTS, moveRow, type ConstraintRow } from '../editors/placement-form.ts';
import { editorStyles } from './ecs-editor-base.ts';

/**
 * Placement constraints as an ordered list (semantics 4.9): type `distinctInstance` or `memberOf`, the
 * memberOf expression in an `ecs-query-input` checked as you type.
 *
 * @event ecs-rows-change - after every edit; `detail.rows` is the new ConstraintRow[]
 */
export class EcsConstraintList extends LitElement {
  static override properties = {
    rows: { attribute: false },
    scheduler: { attribute: false },
    cluster: { attribute: false },
    types: { attribute: false },
    readonly: { type: Boolean },
    max: { type: Number },
  };
  static override styles = editorStyles;

  declare rows: ConstraintRow[];
  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare cluster: string | undefined;
  /** The types offered: both for services, memberOf only for task definitions. */
  declare types: readonly string[];
  declare readonly: boolean;
  declare max: number;

  constructor() {
    super();
    this.rows = [];
    this.types = CONSTRAINT_TYPES;
    this.readonly = false;
    this.max = MAX_CONSTRAINTS;
  }

  private change(rows: ConstraintRow[], focus?: string): void {
    this.dispatchEvent(new CustomEvent('ecs-rows-change', { detail: { rows } }));
    if (focus) void this.updateComplete.then(() => requestAnimationFrame(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus()));
  }

  private set(i: number, patch: Partial<ConstraintRow>): void {
    this.change(this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  protected override render() {
    const n = this.rows.length;
    return html`
      ${n === 0 ? html`<p class="muted">No constraints.</p>` : nothing}
      <ol class="grid" style="list-style: none; padding: 0; margin: 0">
        ${this.rows.map((row, i) => html`<li class="item">
          <div class="row">
            <div class="field">
              <label for=${`type-${i}`}>Constraint ${i + 1} type</label>
              <select id=${`type-${i}`} ?disabled=${this.readonly}
                @change=${(e: Event) => this.set(i, { type: (e.target as HTMLSelectElement).value })}>
                ${[...new Set([...this.types, row.type])].map((t) => html`<option value=${t} ?selected=${t === row.type}>${t}</option>`)}
              </select>
            </div>
            ${this.readonly ? nothing : html`<div class="actions" role="group" aria-label=${`Constraint ${i + 1}`}>
              <button type="button" id=${`up-${i}`} ?disabled=${i === 0} @click=${() => this.change(moveRow(this.rows, i, -1), `#up-${i - 1}`)}
                aria-label=${`Move constraint ${i + 1} up`}>↑</button>
              <button type="button" id=${`down-${i}`} ?disabled=${i === n - 1} @click=${() => this.change(moveRow(this.rows, i, 1), `#down-${i + 1}`)}
                aria-label=${`Move constraint ${i + 1} down`}>↓</button>
              <button type="button" class="danger" @click=${() => this.change(this.rows.filter((_, j) => j !== i), '#add')}
                aria-label=${`Remove constraint ${i + 1}`}>Remove</button>
            </div>`}
          </div>
          ${row.type === 'memberOf' ? html`<ecs-query-input .scheduler=${this.scheduler} .cluster=${this.cluster} .value=${row.expression}
              .label=${`Constraint ${i + 1} expression`} ?readonly=${this.readonly}
              @ecs-query-input=${(e: CustomEvent<{ value: string }>) => this.set(i, { expression: e.detail.value })}></ecs-query-input>`
            : row.expression ? html`<p class="hint">Expression <span class="mono">${row.expression}</span> (distinctInstance takes none)</p>` : nothing}
        </li>`)}
      </ol>
      ${this.readonly ? nothing : html`<div class="actions">
        <button type="button" id="add" ?disabled=${n >= this.max}
          @click=${() => this.change([...this.rows, { type: this.types.includes('memberOf') ? 'memberOf' : this.types[0], expression: '' }], `#type-${n}`)}>
          Add constraint</button>
        ${n >= this.max ? html`<span class="hint">At most ${this.max} constraints per task.</span>` : nothing}
      </div>`}
    `;
  }
}

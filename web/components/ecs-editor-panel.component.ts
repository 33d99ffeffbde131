import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { SandboxView, SchedulerApi } from '../../src/worker/scheduler-api.ts';
import { editorStyles } from './ecs-editor-base.ts';

export type EditorSelectionKind =
  | 'service' | 'taskDefinition' | 'instance' | 'cluster' | 'new-service' | 'new-taskDefinition' | 'new-instance' | 'new-cluster';
export interface EditorSelection { kind: EditorSelectionKind | string; id?: string }

const EDITOR_KINDS = new Set(['service', 'new-service', 'taskDefinition', 'new-taskDefinition', 'instance', 'new-instance', 'cluster', 'new-cluster']);

const lastSegment = (s: string) => s.slice(s.lastIndexOf('/') + 1);

/**
 * The editor panel: the editor for the selected resource, or buttons to create one.
 * `selection.id` is a name or ARN (service, cluster), an ARN or family:revision (task definition), an
 * instance id or ARN (instance); for the `new-*` kinds, an optional cluster name.
 *
 * @event ecs-change - bubbles up from the editors after every successful API call (refresh the view)
 * @event ecs-select - when a create button is pressed; `detail` is the new selection
 */
export class EcsEditorPanel extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    view: { attribute: false },
    selection: { attribute: false },
    local: { state: true },
  };
  static override styles = [editorStyles, css`:host { padding: 0.25em; } .create { display: grid; gap: 0.5em; }`];

  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare view: SandboxView | undefined;
  declare selection: EditorSelection | undefined;
  /** A create button pressed while nothing was selected. */
  declare local: EditorSelection | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selection')) this.local = undefined;
  }

  private choose(kind: EditorSelectionKind): void {
    this.local = { kind };
    this.dispatchEvent(new CustomEvent('ecs-select', { detail: { kind }, bubbles: true, composed: true }));
  }

  private defaultCluster(): string | undefined {
    return this.view?.clusters.find((c) => c.status === 'ACTIVE')?.clusterName;
  }

  protected override render() {
    const s = this.local ?? this.selection;
    const editor = this.renderEditor(s);
    if (!s || !EDITOR_KINDS.has(s.kind)) return editor;
    // from any editor, back to the Create buttons (a create form otherwise stays until the selection changes)
    return html`<div class="actions"><button type="button" data-testid="editor-create" @click=${() => { this.local = { kind: 'create' }; }}>Create…</button></div>${editor}`;
  }

  private renderEditor(s: EditorSelection | undefined) {
    const common = { scheduler: this.scheduler, view: this.view };
    switch (s?.kind) {
      case 'service':
      case 'new-service': {
        const isNew = s.kind === 'new-service';
        const service = isNew ? undefined : this.view?.services.find((x) => x.serviceName === s.id || x.arn === s.id);
        const cluster = isNew ? s.id ?? this.defaultCluster() : service?.clusterName;
        return html`<ecs-service-editor .scheduler=${common.scheduler} .view=${common.view}
          .serviceName=${isNew ? undefined : service?.serviceName ?? (s.id ? lastSegment(s.id) : undefined)} .cluster=${cluster}></ecs-service-editor>`;
      }
      case 'taskDefinition':
      case 'new-taskDefinition':
        return html`<ecs-task-definition-editor .scheduler=${common.scheduler} .view=${common.view}
          .taskDefinition=${s.kind === 'taskDefinition' ? s.id : undefined}></ecs-task-definition-editor>`;
      case 'instance':
      case 'new-instance':
        return html`<ecs-instance-editor .scheduler=${common.scheduler} .view=${common.view}
          .instanceId=${s.kind === 'instance' ? s.id : undefined} .cluster=${s.kind === 'new-instance' ? s.id ?? this.defaultCluster() : undefined}></ecs-instance-editor>`;
      case 'cluster':
      case 'new-cluster':
        return html`<ecs-cluster-editor .scheduler=${common.scheduler} .view=${common.view}
          .clusterName=${s.kind === 'cluster' && s.id ? lastSegment(s.id) : undefined}></ecs-cluster-editor>`;
      default:
        return html`<div class="create">
          <h2>Create</h2>
          <p class="muted">Select a resource to edit it, or create one:</p>
          <button type="button" @click=${() => this.choose('new-cluster')}>New cluster</button>
          <button type="button" @click=${() => this.choose('new-instance')}>New container instance</button>
          <button type="button" @click=${() => this.choose('new-taskDefinition')}>New task definition</button>
          <button type="button" @click=${() => this.choose('new-service')}>New service</button>
          ${this.scheduler ? nothing : html`<p class="muted">Waiting for the sandbox worker…</p>`}
        </div>`;
    }
  }
}

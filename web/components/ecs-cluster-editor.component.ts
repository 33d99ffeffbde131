import { html, nothing } from 'lit';
import { clusterFormFromJson, createClusterRequest, type ClusterForm } from '../editors/cluster-form.ts';
import { EcsEditorBase } from './ecs-editor-base.ts';

/**
 * Creates a cluster (CreateCluster) or deletes the selected one (DeleteCluster, after a confirmation).
 *
 * @event ecs-change - after a successful call
 */
export class EcsClusterEditor extends EcsEditorBase {
  static override properties = {
    ...EcsEditorBase.properties,
    clusterName: { attribute: false },
    form: { state: true },
  };
  protected readonly kind = 'cluster' as const;

  /** The selected cluster; unset for a new one. */
  declare clusterName: string | undefined;
  declare form: ClusterForm;

  constructor() {
    super();
    this.form = { clusterName: '' };
  }

  protected heading() {
    return this.clusterName ? `Cluster ${this.clusterName}` : 'New cluster';
  }

  protected jsonRequest() {
    return this.clusterName
      ? { operation: 'DeleteCluster', request: { cluster: this.clusterName } }
      : { operation: 'CreateCluster', request: createClusterRequest(this.form) };
  }

  protected jsonToForm(value: Record<string, unknown>): void {
    if (!this.clusterName) this.form = clusterFormFromJson(value);
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const request = createClusterRequest(this.form);
    const name = request.clusterName ?? 'default';
    if (await this.send('CreateCluster', request, request as Record<string, unknown>, { kind: 'cluster', id: name })) this.notice = `Cluster ${name} created.`;
  }

  private async deleteResource(): Promise<void> {
    const name = this.clusterName;
    if (!name || !confirm(`Delete cluster ${name}? ECS refuses while it has active services, tasks or instances.`)) return;
    if (await this.send('DeleteCluster', { cluster: name })) this.notice = `Cluster ${name} deleted.`;
  }

  protected renderForm() {
    if (this.clusterName) {
      const c = this.view?.clusters.find((x) => x.clusterName === this.clusterName);
      const instances = this.view?.instances.filter((i) => i.clusterName === this.clusterName).length ?? 0;
      const services = this.view?.services.filter((s) => s.clusterName === this.clusterName && s.status === 'ACTIVE').length ?? 0;
      return html`<div class="grid">
        <p>Status ${c?.status ?? 'unknown'}; ${instances} container instance(s), ${services} active service(s).</p>
        <div class="actions"><button type="button" class="danger" ?disabled=${this.busy} @click=${this.deleteResource}>Delete cluster…</button></div>
      </div>`;
    }
    return html`<form @submit=${this.create} novalidate>
      ${this.textField('clusterName', 'Cluster name', this.form.clusterName, (v) => { this.form = { clusterName: v }; },
        { hint: 'Up to 255 letters, numbers, hyphens and underscores; empty creates "default".' })}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>Create cluster</button></div>
      ${nothing}
    </form>`;
  }
}

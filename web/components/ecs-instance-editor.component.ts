import { html, nothing, type PropertyValues } from 'lit';
import type { InstanceView } from '../../src/worker/scheduler-api.ts';
import { accountIdOfArn, nextInstanceId, pendingTimeOf } from '../editors/identity-document.ts';
import {
  attributeChanges, attributesRequest, deregisterRequest, emptyInstanceForm, instanceFormFromRegisterRequest, isBuiltInAttribute,
  registerContainerInstanceRequest, updateStateRequest, type AttributeRow, type InstanceForm,
} from '../editors/instance-form.ts';
import { INSTANCE_TYPES } from '../editors/instance-types.ts';
import { EcsEditorBase } from './ecs-editor-base.ts';

type Action = 'PutAttributes' | 'DeleteAttributes' | 'UpdateContainerInstancesState' | 'DeregisterContainerInstance';

/**
 * Registers a container instance as the ECS agent does (RegisterContainerInstance with an EC2 identity
 * document), or acts on a registered one: drain / activate, custom attributes, deregister.
 *
 * @event ecs-change - after a successful call
 */
export class EcsInstanceEditor extends EcsEditorBase {
  static override properties = {
    ...EcsEditorBase.properties,
    instanceId: { attribute: false },
    cluster: { attribute: false },
    form: { state: true },
    action: { state: true },
    force: { state: true },
  };
  protected readonly kind = 'instance' as const;

  /** A registered instance (its id or ARN); unset for a new one. */
  declare instanceId: string | undefined;
  declare cluster: string | undefined;
  declare form: InstanceForm;
  declare action: Action;
  declare force: boolean;

  constructor() {
    super();
    this.form = emptyInstanceForm({ instanceId: nextInstanceId([]), pendingTime: pendingTimeOf(0) });
    this.action = 'PutAttributes';
    this.force = false;
  }

  private get instance(): InstanceView | undefined {
    const id = this.instanceId;
    return id ? this.view?.instances.find((i) => i.id === id || i.arn === id || i.ec2InstanceId === id) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('instanceId') || changed.has('cluster') || (changed.has('view') && !changed.get('view'))) this.reset();
  }

  private reset(): void {
    const v = this.view;
    const existing = this.instance;
    if (existing) {
      this.form = {
        ...this.form, cluster: existing.clusterName, instanceId: existing.ec2InstanceId, instanceType: existing.instanceType,
        availabilityZone: existing.availabilityZone, privateIp: existing.privateIp ?? '',
        attributes: existing.attributes.map((a) => ({ name: a.name, value: a.value ?? '' })),
      };
      return;
    }
    this.form = emptyInstanceForm({
      cluster: this.cluster ?? v?.clusters.find((c) => c.status === 'ACTIVE')?.clusterName ?? 'default',
      region: v?.region, instanceId: nextInstanceId(v?.instances.map((i) => i.ec2InstanceId) ?? []),
      pendingTime: pendingTimeOf(v?.now ?? 0), accountId: accountIdOfArn(v?.instances[0]?.arn),
    });
  }

  protected heading() {
    const i = this.instance;
    return i ? `Container instance ${i.ec2InstanceId} (${i.status})` : this.instanceId ? `Container instance ${this.instanceId}` : 'New container instance';
  }

  private changes() {
    const i = this.instance;
    return i ? attributeChanges(i.attributes.map((a) => ({ name: a.name, value: a.value ?? '' })), this.form.attributes, i.arn) : { put: [], remove: [] };
  }

  protected jsonRequest(): { operation: string; request: unknown } {
    const i = this.instance;
    if (!i) return { operation: 'RegisterContainerInstance', request: registerContainerInstanceRequest(this.form) };
    switch (this.action) {
      case 'PutAttributes': return { operation: this.action, request: attributesRequest(i.clusterName, this.changes().put) };
      case 'DeleteAttributes': return { operation: this.action, request: attributesRequest(i.clusterName, this.changes().remove) };
      case 'UpdateContainerInstancesState':
        return { operation: this.action, request: updateStateRequest(i.clusterName, i.arn, i.status === 'DRAINING' ? 'ACTIVE' : 'DRAINING') };
      default: return { operation: this.action, request: deregisterRequest(i.clusterName, i.arn, this.force) };
    }
  }

  protected jsonToForm(value: Record<string, unknown>): void {
    if (!this.instance) this.form = instanceFormFromRegisterRequest(value, this.form);
  }

  protected override renderJsonExtras() {
    if (!this.instance) return nothing;
    return this.selectField('action', 'Request', this.action,
      ['PutAttributes', 'DeleteAttributes', 'UpdateContainerInstancesState', 'DeregisterContainerInstance'], (v) => {
        this.action = v as Action;
        this.jsonText = JSON.stringify(this.jsonRequest().request, null, 2);
      });
  }

  private set<K extends keyof InstanceForm>(key: K, value: InstanceForm[K]): void {
    this.form = { ...this.form, [key]: value };
  }

  private async register(e: Event): Promise<void> {
    e.preventDefault();
    const request = registerContainerInstanceRequest(this.form);
    const arnOf = (o: unknown) => (o as { containerInstance?: { containerInstanceArn?: string } } | undefined)?.containerInstance?.containerInstanceArn;
    const output = await this.send('RegisterContainerInstance', request, request as unknown as Record<string, unknown>,
      (o) => (arnOf(o) ? { kind: 'instance', id: arnOf(o)! } : undefined));
    if (output) {
      this.notice = `Registered ${this.form.instanceId}.`;
      this.form = { ...this.form, instanceId: nextInstanceId([...(this.view?.instances.map((i) => i.ec2InstanceId) ?? []), this.form.instanceId]) };
    }
  }

  private async saveAttributes(): Promise<void> {
    const i = this.instance;
    if (!i) return;
    const { put, remove } = this.changes();
    if (!put.length && !remove.length) {
      this.notice = 'No attribute changed.';
      return;
    }
    if (put.length && !(await this.send('PutAttributes', attributesRequest(i.clusterName, put)))) return;
    if (remove.length && !(await this.send('DeleteAttributes', attributesRequest(i.clusterName, remove)))) return;
    this.notice = 'Attributes saved.';
  }

  private async toggleDrain(): Promise<void> {
    const i = this.instance;
    if (!i) return;
    const status = i.status === 'DRAINING' ? 'ACTIVE' : 'DRAINING';
    if (await this.send('UpdateContainerInstancesState', updateStateRequest(i.clusterName, i.arn, status))) this.notice = `Set to ${status}.`;
  }

  private async deregister(): Promise<void> {
    const i = this.instance;
    if (!i) return;
    const text = this.force
      ? `Deregister ${i.ec2InstanceId} with force? Its tasks are orphaned and stop; services start replacements elsewhere.`
      : `Deregister ${i.ec2InstanceId}? This fails while tasks run on it.`;
    if (!confirm(text)) return;
    if (await this.send('DeregisterContainerInstance', deregisterRequest(i.clusterName, i.arn, this.force))) this.notice = `${i.ec2InstanceId} deregistered.`;
  }

  private renderAttributes(editableBuiltIns: boolean) {
    const rows = this.form.attributes;
    const setRow = (k: number, patch: Partial<AttributeRow>) => this.set('attributes', rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
    return this.group('attributes', 'Attributes', html`
      ${rows.length === 0 ? html`<p class="muted">No attributes.</p>` : nothing}
      ${rows.map((a, k) => {
        const ro = !editableBuiltIns && isBuiltInAttribute(a.name);
        return html`<div class="row">
          ${this.textField(`attributes[${k}].name`, `Attribute ${k + 1} name`, a.name, (v) => setRow(k, { name: v }), { readonly: ro })}
          ${this.textField(`attributes[${k}].value`, 'Value', a.value, (v) => setRow(k, { value: v }), { readonly: ro })}
          ${ro ? nothing : html`<button type="button" class="danger" aria-label=${`Remove attribute ${k + 1}`}
            @click=${() => this.set('attributes', rows.filter((_, j) => j !== k))}>Remove</button>`}
        </div>`;
      })}
      <div class="actions"><button type="button" @click=${() => this.set('attributes', [...rows, { name: '', value: '' }])}>Add attribute</button></div>
    `, editableBuiltIns ? undefined : 'ecs.* attributes are set by the agent and read-only; custom ones are saved with PutAttributes / DeleteAttributes.');
  }

  protected renderForm() {
    const f = this.form;
    const i = this.instance;
    if (this.instanceId && !i) return html`<p class="muted">This instance is no longer in the view.</p>`;
    if (i) {
      return html`<div class="grid">
        <p class="mono">${i.arn}</p>
        <p>${i.instanceType} in ${i.availabilityZone}${i.privateIp ? `, ${i.privateIp}` : ''}; cluster ${i.clusterName};
          CPU ${i.cpu.used}/${i.cpu.registered}, memory ${i.memory.used}/${i.memory.registered} MiB; agent ${i.agentConnected ? 'connected' : 'disconnected'}.</p>
        <div class="actions">
          <button type="button" ?disabled=${this.busy || i.status === 'INACTIVE'} @click=${this.toggleDrain}>${i.status === 'DRAINING' ? 'Activate' : 'Drain'}</button>
        </div>
        ${this.renderAttributes(false)}
        <div class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${this.saveAttributes}>Save attributes</button></div>
        ${this.group('deregister', 'Deregister', html`
          ${this.checkField('force', 'Force (orphan the tasks running on it)', this.force, (v) => { this.force = v; })}
          <div class="actions"><button type="button" class="danger" ?disabled=${this.busy || i.status === 'INACTIVE'} @click=${this.deregister}>Deregister…</button></div>`)}
      </div>`;
    }
    const clusters = (this.view?.clusters ?? []).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterName);
    const region = this.view?.region ?? 'us-east-1';
    return html`<form @submit=${this.register} novalidate>
      <p class="hint">Registers as the ECS agent does: RegisterContainerInstance with the EC2 instance identity document (see the JSON tab).</p>
      <div class="row">
        ${this.selectField('cluster', 'Cluster', f.cluster, clusters, (v) => this.set('cluster', v))}
        ${this.textField('instanceId', 'EC2 instance id', f.instanceId, (v) => this.set('instanceId', v))}
      </div>
      <div class="row">
        ${this.selectField('instanceType', 'Instance type', f.instanceType, INSTANCE_TYPES, (v) => this.set('instanceType', v))}
        ${this.selectField('availabilityZone', 'Availability Zone', f.availabilityZone, ['a', 'b', 'c', 'd', 'e', 'f'].map((z) => `${region}${z}`), (v) => this.set('availabilityZone', v))}
        ${this.textField('privateIp', 'Private IP', f.privateIp, (v) => this.set('privateIp', v))}
      </div>
      ${this.renderAttributes(true)}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>Register instance</button></div>
    </form>`;
  }
}

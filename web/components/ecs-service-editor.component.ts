import { html, nothing, type PropertyValues } from 'lit';
import { LAUNCH_TYPES, ASSIGN_PUBLIC_IP } from '../editors/aws-shapes.ts';
import { CONSOLE_PRESET, DEFAULT_MAXIMUM_PERCENT, DEFAULT_MINIMUM_HEALTHY_PERCENT, deadlockWarning, deploymentLimits } from '../editors/deployment-limits.ts';
import {
  UPDATABLE_FIELDS, createServiceRequest, emptyServiceForm, serviceFormFromCreateRequest, serviceFormFromService, serviceFormFromUpdateRequest,
  serviceFormProblems, updateServiceRequest, type ServiceForm,
} from '../editors/service-form.ts';
import { EcsEditorBase } from './ecs-editor-base.ts';

const whole = (text: string, fallback: number) => (/^\s*\d+\s*$/.test(text) ? Number(text) : fallback);

/**
 * Creates a service (CreateService, every 2018 member) or edits one (UpdateService with the members it
 * accepts; the others read-only), with a JSON tab and a Delete (scale to 0, then DeleteService).
 *
 * @event ecs-change - after a successful call; `detail` is `{ operation, input, output, selection? }`
 */
export class EcsServiceEditor extends EcsEditorBase {
  static override properties = {
    ...EcsEditorBase.properties,
    serviceName: { attribute: false },
    cluster: { attribute: false },
    form: { state: true },
    original: { state: true },
  };
  protected readonly kind = 'service' as const;

  /** Set for an existing service; unset for a new one. */
  declare serviceName: string | undefined;
  declare cluster: string | undefined;
  declare form: ServiceForm;
  declare original: ServiceForm | undefined;

  constructor() {
    super();
    this.form = emptyServiceForm();
  }

  private get isNew() {
    return !this.serviceName;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('serviceName') || changed.has('cluster') || (changed.has('scheduler') && this.scheduler)) {
      if (this.isNew) {
        if (changed.has('serviceName') || changed.has('cluster')) {
          this.form = emptyServiceForm(this.cluster ?? 'default');
          this.original = undefined;
        }
      } else void this.load();
    }
  }

  /** Reads the service with DescribeServices: the view carries only what the map needs. */
  async load(): Promise<void> {
    if (!this.scheduler || !this.serviceName) return;
    const outcome = await this.scheduler.call('AmazonEC2ContainerServiceV20141113.DescribeServices', {
      ...(this.cluster ? { cluster: this.cluster } : {}), services: [this.serviceName],
    });
    if ('error' in outcome) {
      this.topError = `${outcome.error.code}: ${outcome.error.message}`;
      return;
    }
    const service = (outcome.output as { services?: Record<string, unknown>[] }).services?.[0];
    if (!service) {
      this.topError = `Service ${this.serviceName} was not found in cluster ${this.cluster ?? 'default'}.`;
      return;
    }
    this.original = serviceFormFromService(service);
    this.form = { ...this.original };
    this.errors = {};
    this.topError = undefined;
  }

  protected heading() {
    return this.isNew ? 'New service' : `Service ${this.serviceName}`;
  }

  protected jsonRequest() {
    return this.isNew || !this.original
      ? { operation: 'CreateService', request: createServiceRequest(this.form) }
      : { operation: 'UpdateService', request: updateServiceRequest(this.form, this.original) };
  }

  protected jsonToForm(value: Record<string, unknown>): void {
    this.form = this.isNew || !this.original ? serviceFormFromCreateRequest(value) : serviceFormFromUpdateRequest(value, this.original);
  }

  protected override async applyJsonRequest(operation: string, request: Record<string, unknown>): Promise<void> {
    if (await this.send(operation, request, request, this.selectionAfter(request))) await this.afterSave();
  }

  private selectionAfter(request: Record<string, unknown>) {
    const name = String(request.serviceName ?? request.service ?? this.form.serviceName);
    return { kind: 'service', id: name };
  }

  private async afterSave(): Promise<void> {
    if (this.isNew) {
      this.notice = `Service ${this.form.serviceName} created.`;
    } else {
      this.notice = 'Service updated.';
      await this.load();
    }
  }

  private set<K extends keyof ServiceForm>(key: K, value: ServiceForm[K]): void {
    this.form = { ...this.form, [key]: value };
  }

  private ro(field: string): boolean {
    return !this.isNew && !UPDATABLE_FIELDS.has(field);
  }

  private async apply(e: Event): Promise<void> {
    e.preventDefault();
    if (this.showProblems(serviceFormProblems(this.form))) return;
    const { operation, request } = this.jsonRequest();
    const limits = this.limits();
    if (limits.warning && !confirm(`${limits.warning}\n\nApply anyway?`)) return;
    if (await this.send(operation, request, request as unknown as Record<string, unknown>, this.selectionAfter(request as unknown as Record<string, unknown>))) {
      await this.afterSave();
    }
  }

  private async deleteResource(): Promise<void> {
    if (!this.original) return;
    const name = this.original.serviceName;
    if (!confirm(`Delete service ${name}? It is scaled to 0 (UpdateService desiredCount 0), then deleted (DeleteService); its tasks stop.`)) return;
    const cluster = this.original.cluster ? { cluster: this.original.cluster } : {};
    if (this.original.desiredCount !== '0') {
      const scaled = await this.send('UpdateService', { ...cluster, service: name, desiredCount: 0 });
      if (!scaled) return;
    }
    if (await this.send('DeleteService', { ...cluster, service: name })) this.notice = `Service ${name} is being deleted (DRAINING).`;
  }

  private limits() {
    const d = whole(this.form.desiredCount, 0);
    const limits = deploymentLimits(d, whole(this.form.minimumHealthyPercent, DEFAULT_MINIMUM_HEALTHY_PERCENT), whole(this.form.maximumPercent, DEFAULT_MAXIMUM_PERCENT));
    return { d, ...limits, warning: deadlockWarning(limits, d) };
  }

  private taskDefinitionOptions(): [string, string][] {
    const defs = (this.view?.taskDefinitions ?? []).filter((t) => t.status === 'ACTIVE');
    const families = [...new Set(defs.map((t) => t.family))];
    return [
      ['', '(choose a task definition)'],
      ...families.map((f): [string, string] => [f, `${f} (latest ACTIVE revision)`]),
      ...defs.map((t): [string, string] => [`${t.family}:${t.revision}`, `${t.family}:${t.revision} (${t.networkMode})`]),
    ];
  }

  protected renderForm() {
    const f = this.form;
    const limits = this.limits();
    const clusters = (this.view?.clusters ?? []).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterName);
    return html`<form @submit=${this.apply} novalidate>
      ${this.isNew ? nothing : html`<p class="hint">UpdateService (2018) changes desiredCount, taskDefinition, deploymentConfiguration,
        networkConfiguration, platformVersion and healthCheckGracePeriodSeconds; the other members are read-only.</p>`}
      <div class="row">
        ${this.textField('serviceName', 'Service name', f.serviceName, (v) => this.set('serviceName', v), { readonly: !this.isNew })}
        ${this.isNew ? this.selectField('cluster', 'Cluster', f.cluster, clusters, (v) => this.set('cluster', v))
          : this.textField('cluster', 'Cluster', f.cluster, () => {}, { readonly: true })}
      </div>
      <div class="row">
        ${this.selectField('taskDefinition', 'Task definition', f.taskDefinition, this.taskDefinitionOptions(), (v) => this.set('taskDefinition', v))}
        ${this.numberField('desiredCount', 'Desired count', f.desiredCount, (v) => this.set('desiredCount', v))}
      </div>
      <div class="row">
        ${this.selectField('launchType', 'Launch type', f.launchType, [['', '(default: EC2)'], ...LAUNCH_TYPES.map((t): [string, string] => [t, t])],
          (v) => this.set('launchType', v), { readonly: this.ro('launchType') })}
        ${this.textField('platformVersion', 'Platform version (FARGATE)', f.platformVersion, (v) => this.set('platformVersion', v), { placeholder: 'LATEST' })}
      </div>
      ${this.group('deploymentConfiguration', 'Deployment configuration', html`
        <div class="row">
          ${this.numberField('deploymentConfiguration.maximumPercent', 'Maximum percent', f.maximumPercent, (v) => this.set('maximumPercent', v), { placeholder: `${DEFAULT_MAXIMUM_PERCENT} (default)` })}
          ${this.numberField('deploymentConfiguration.minimumHealthyPercent', 'Minimum healthy percent', f.minimumHealthyPercent, (v) => this.set('minimumHealthyPercent', v), { placeholder: `${DEFAULT_MINIMUM_HEALTHY_PERCENT} (default)` })}
        </div>
        <p class="hint" role="status">With desiredCount ${limits.d}: MIN ${limits.min} healthy tasks (ceil(${limits.d}·min/100)),
          MAX ${limits.max} running + pending (floor(${limits.d}·max/100)).</p>
        ${limits.warning ? html`<p class="warning" role="alert">${limits.warning}</p>` : nothing}
        <div class="actions"><button type="button" @click=${() => { this.set('minimumHealthyPercent', String(CONSOLE_PRESET.minimumHealthyPercent)); this.set('maximumPercent', String(CONSOLE_PRESET.maximumPercent)); }}>
          Console preset (50 / 200)</button></div>`)}
      ${this.group('placementConstraints', 'Placement constraints', html`<ecs-constraint-list .rows=${f.placementConstraints} .scheduler=${this.scheduler}
          .cluster=${f.cluster} ?readonly=${this.ro('placementConstraints')}
          @ecs-rows-change=${(e: CustomEvent) => { this.clearError('placementConstraints'); this.set('placementConstraints', e.detail.rows); }}></ecs-constraint-list>`)}
      ${this.group('placementStrategy', 'Placement strategy', html`<ecs-strategy-list .rows=${f.placementStrategy} ?readonly=${this.ro('placementStrategy')}
          @ecs-rows-change=${(e: CustomEvent) => { this.clearError('placementStrategy'); this.set('placementStrategy', e.detail.rows); }}></ecs-strategy-list>`)}
      ${this.renderLoadBalancers()}
      ${this.renderRegistries()}
      ${this.group('networkConfiguration', 'Network configuration (awsvpc)', html`
        ${this.checkField('networkConfiguration.awsvpc', 'Send networkConfiguration.awsvpcConfiguration', f.awsvpc, (v) => this.set('awsvpc', v))}
        ${f.awsvpc ? html`
          ${this.textField('networkConfiguration.awsvpcConfiguration.subnets', 'Subnets', f.subnets, (v) => this.set('subnets', v), { hint: 'Subnet ids separated by commas or spaces (up to 10).' })}
          ${this.textField('networkConfiguration.awsvpcConfiguration.securityGroups', 'Security groups', f.securityGroups, (v) => this.set('securityGroups', v), { hint: 'Up to 5.' })}
          ${this.selectField('networkConfiguration.awsvpcConfiguration.assignPublicIp', 'Assign public IP', f.assignPublicIp,
            [['', '(default: DISABLED)'], ...ASSIGN_PUBLIC_IP.map((v): [string, string] => [v, v])], (v) => this.set('assignPublicIp', v))}` : nothing}`)}
      <div class="row">
        ${this.numberField('healthCheckGracePeriodSeconds', 'Health check grace period (seconds)', f.healthCheckGracePeriodSeconds, (v) => this.set('healthCheckGracePeriodSeconds', v))}
        ${this.textField('role', 'Role', f.role, (v) => this.set('role', v), { readonly: this.ro('role'), hint: this.isNew ? 'Only with a load balancer and not with awsvpc.' : undefined })}
      </div>
      ${this.isNew ? nothing : this.checkField('forceNewDeployment', 'Force a new deployment', f.forceNewDeployment, (v) => this.set('forceNewDeployment', v))}
      ${Object.keys(f.extra).length ? html`<p class="hint">Sent as given, not edited here: ${Object.keys(f.extra).join(', ')}.</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.isNew ? 'Create service' : 'Update service'}</button>
        ${this.isNew ? nothing : html`<button type="button" class="danger" ?disabled=${this.busy} @click=${this.deleteResource}>Delete…</button>`}
      </div>
    </form>`;
  }

  private renderLoadBalancers() {
    const rows = this.form.loadBalancers;
    const ro = this.ro('loadBalancers');
    const setRow = (i: number, patch: Partial<ServiceForm['loadBalancers'][number]>) =>
      this.set('loadBalancers', rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    return this.group('loadBalancers', 'Load balancers', html`
      ${rows.length === 0 ? html`<p class="muted">None.</p>` : nothing}
      ${rows.map((lb, i) => html`<div class="item">
        ${this.textField(`loadBalancers[${i}].targetGroupArn`, `Load balancer ${i + 1}: target group ARN`, lb.targetGroupArn, (v) => setRow(i, { targetGroupArn: v }), { readonly: ro })}
        ${this.textField(`loadBalancers[${i}].loadBalancerName`, `Load balancer ${i + 1}: Classic load balancer name (instead of a target group)`, lb.loadBalancerName, (v) => setRow(i, { loadBalancerName: v }), { readonly: ro })}
        <div class="row">
          ${this.textField(`loadBalancers[${i}].containerName`, 'Container name', lb.containerName, (v) => setRow(i, { containerName: v }), { readonly: ro })}
          ${this.numberField(`loadBalancers[${i}].containerPort`, 'Container port', lb.containerPort, (v) => setRow(i, { containerPort: v }), { readonly: ro })}
        </div>
        ${ro ? nothing : html`<button type="button" class="danger" @click=${() => this.set('loadBalancers', rows.filter((_, j) => j !== i))}>Remove load balancer ${i + 1}</button>`}
      </div>`)}
      ${ro ? nothing : html`<div class="actions"><button type="button" @click=${() => this.set('loadBalancers', [...rows, { targetGroupArn: '', loadBalancerName: '', containerName: '', containerPort: '' }])}>Add load balancer</button></div>`}
    `, 'One per service in 2018: a target group ARN or a Classic load balancer name.');
  }

  private renderRegistries() {
    const rows = this.form.serviceRegistries;
    const ro = this.ro('serviceRegistries');
    const setRow = (i: number, patch: Partial<ServiceForm['serviceRegistries'][number]>) =>
      this.set('serviceRegistries', rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    return this.group('serviceRegistries', 'Service registries', html`
      ${rows.length === 0 ? html`<p class="muted">None.</p>` : nothing}
      ${rows.map((r, i) => html`<div class="item">
        ${this.textField(`serviceRegistries[${i}].registryArn`, `Registry ${i + 1} ARN`, r.registryArn, (v) => setRow(i, { registryArn: v }), { readonly: ro })}
        <div class="row">
          ${this.textField(`serviceRegistries[${i}].containerName`, 'Container name', r.containerName, (v) => setRow(i, { containerName: v }), { readonly: ro })}
          ${this.numberField(`serviceRegistries[${i}].containerPort`, 'Container port', r.containerPort, (v) => setRow(i, { containerPort: v }), { readonly: ro })}
          ${this.numberField(`serviceRegistries[${i}].port`, 'Port', r.port, (v) => setRow(i, { port: v }), { readonly: ro })}
        </div>
        ${ro ? nothing : html`<button type="button" class="danger" @click=${() => this.set('serviceRegistries', rows.filter((_, j) => j !== i))}>Remove registry ${i + 1}</button>`}
      </div>`)}
      ${ro ? nothing : html`<div class="actions"><button type="button" @click=${() => this.set('serviceRegistries', [...rows, { registryArn: '', containerName: '', containerPort: '', port: '' }])}>Add registry</button></div>`}
    `);
  }
}

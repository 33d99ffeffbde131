import { html, nothing, type PropertyValues } from 'lit';
import { COMPATIBILITIES, NETWORK_MODES, PROTOCOLS } from '../editors/aws-shapes.ts';
import type { ConstraintRow } from '../editors/placement-form.ts';
import {
  emptyTaskDefinitionForm, newContainer, newPortMapping, registerTaskDefinitionRequest, taskDefinitionFormFromJson, taskDefinitionFormProblems,
  type ContainerRow, type TaskDefinitionForm,
} from '../editors/task-definition-form.ts';
import { EcsEditorBase } from './ecs-editor-base.ts';

/**
 * Registers a task definition: a new family, or a new revision of the selected one (saving always
 * registers a new revision; revisions are immutable).
 *
 * @event ecs-change - after a successful RegisterTaskDefinition; `detail.selection` names the new revision
 */
export class EcsTaskDefinitionEditor extends EcsEditorBase {
  static override properties = {
    ...EcsEditorBase.properties,
    taskDefinition: { attribute: false },
    form: { state: true },
  };
  protected readonly kind = 'taskDefinition' as const;

  /** The revision to start from (ARN or family:revision); unset for a new family. */
  declare taskDefinition: string | undefined;
  declare form: TaskDefinitionForm;

  constructor() {
    super();
    this.form = emptyTaskDefinitionForm();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('taskDefinition') && !this.taskDefinition) this.form = emptyTaskDefinitionForm();
    if ((changed.has('taskDefinition') || changed.has('scheduler')) && this.taskDefinition && this.scheduler) void this.load();
  }

  async load(): Promise<void> {
    if (!this.scheduler || !this.taskDefinition) return;
    const outcome = await this.scheduler.call('AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition', { taskDefinition: this.taskDefinition });
    if ('error' in outcome) {
      this.topError = `${outcome.error.code}: ${outcome.error.message}`;
      return;
    }
    const td = (outcome.output as { taskDefinition?: Record<string, unknown> }).taskDefinition;
    if (td) this.form = taskDefinitionFormFromJson(td);
    this.errors = {};
    this.topError = undefined;
  }

  protected heading() {
    return this.taskDefinition ? `Task definition ${this.taskDefinition.slice(this.taskDefinition.lastIndexOf('/') + 1)}` : 'New task definition';
  }

  protected jsonRequest() {
    return { operation: 'RegisterTaskDefinition', request: registerTaskDefinitionRequest(this.form) };
  }

  protected jsonToForm(value: Record<string, unknown>): void {
    this.form = taskDefinitionFormFromJson(value);
  }

  protected override async applyJsonRequest(operation: string, request: Record<string, unknown>): Promise<void> {
    await this.register(operation, request);
  }

  private async register(operation: string, request: Record<string, unknown>): Promise<void> {
    type Output = { taskDefinition?: { taskDefinitionArn?: string } } | undefined;
    const arnOf = (output: unknown) => (output as Output)?.taskDefinition?.taskDefinitionArn;
    const output = await this.send(operation, request, request, (o) => (arnOf(o) ? { kind: 'taskDefinition', id: arnOf(o)! } : undefined));
    const arn = arnOf(output);
    if (arn) this.notice = `Registered ${arn.slice(arn.lastIndexOf('/') + 1)}.`;
  }

  private async apply(e: Event): Promise<void> {
    e.preventDefault();
    if (this.showProblems(taskDefinitionFormProblems(this.form))) return;
    await this.register('RegisterTaskDefinition', registerTaskDefinitionRequest(this.form) as unknown as Record<string, unknown>);
  }

  private set<K extends keyof TaskDefinitionForm>(key: K, value: TaskDefinitionForm[K]): void {
    this.form = { ...this.form, [key]: value };
  }

  private setContainer(i: number, patch: Partial<ContainerRow>): void {
    this.set('containers', this.form.containers.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  }

  protected renderForm() {
    const f = this.form;
    const constraintRows: ConstraintRow[] = f.placementConstraints.map((expression) => ({ type: 'memberOf', expression }));
    return html`<form @submit=${this.apply} novalidate>
      <div class="row">
        ${this.textField('family', 'Family', f.family, (v) => this.set('family', v))}
        ${this.selectField('networkMode', 'Network mode', f.networkMode, [['', '(default: bridge)'], ...NETWORK_MODES.map((m): [string, string] => [m, m])], (v) => this.set('networkMode', v))}
      </div>
      <div class="row">
        ${this.textField('cpu', 'Task CPU', f.cpu, (v) => this.set('cpu', v), { hint: 'CPU units ("256") or vCPUs ("0.25 vCPU"); required for FARGATE.' })}
        ${this.textField('memory', 'Task memory', f.memory, (v) => this.set('memory', v), { hint: 'MiB ("512") or GB ("1 GB").' })}
      </div>
      ${this.group('requiresCompatibilities', 'Requires compatibilities', html`<div class="row">
        ${COMPATIBILITIES.map((c) => html`<label class="check"><input type="checkbox" .checked=${f.requiresCompatibilities.includes(c)}
          @change=${(e: Event) => this.set('requiresCompatibilities', (e.target as HTMLInputElement).checked
            ? COMPATIBILITIES.filter((x) => x === c || f.requiresCompatibilities.includes(x)) : f.requiresCompatibilities.filter((x) => x !== c))}> ${c}</label>`)}
      </div>`, 'requiresAttributes is computed by ECS from the containers; it is not a RegisterTaskDefinition member in the 2018 API, so there is no field for it.')}
      ${this.group('placementConstraints', 'Placement constraints (memberOf)', html`<ecs-constraint-list .rows=${constraintRows} .types=${['memberOf']}
        .scheduler=${this.scheduler} @ecs-rows-change=${(e: CustomEvent<{ rows: ConstraintRow[] }>) => {
          this.clearError('placementConstraints'); this.set('placementConstraints', e.detail.rows.map((r) => r.expression));
        }}></ecs-constraint-list>`)}
      ${this.group('containerDefinitions', 'Containers', html`
        ${f.containers.map((c, i) => this.renderContainer(c, i))}
        <div class="actions"><button type="button" @click=${() => this.set('containers', [...f.containers, newContainer(f.containers.length + 1)])}>Add container</button></div>
      `)}
      ${Object.keys(f.extra).length ? html`<p class="hint">Sent as given, not edited here: ${Object.keys(f.extra).join(', ')}.</p>` : nothing}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.taskDefinition ? 'Register new revision' : 'Register task definition'}</button></div>
    </form>`;
  }

  private renderContainer(c: ContainerRow, i: number) {
    const at = `containerDefinitions[${i}]`;
    const setPort = (j: number, patch: Partial<ContainerRow['portMappings'][number]>) =>
      this.setContainer(i, { portMappings: c.portMappings.map((p, k) => (k === j ? { ...p, ...patch } : p)) });
    return html`<div class="item" role="group" aria-label=${`Container ${i + 1}`}>
      <div class="row">
        ${this.textField(`${at}.name`, `Container ${i + 1} name`, c.name, (v) => this.setContainer(i, { name: v }))}
        ${this.textField(`${at}.image`, 'Image', c.image, (v) => this.setContainer(i, { image: v }))}
      </div>
      <div class="row">
        ${this.numberField(`${at}.cpu`, 'CPU units', c.cpu, (v) => this.setContainer(i, { cpu: v }))}
        ${this.numberField(`${at}.memory`, 'Memory (MiB, hard)', c.memory, (v) => this.setContainer(i, { memory: v }))}
        ${this.numberField(`${at}.memoryReservation`, 'Memory reservation (MiB, soft)', c.memoryReservation, (v) => this.setContainer(i, { memoryReservation: v }))}
      </div>
      ${this.checkField(`${at}.essential`, 'Essential', c.essential ?? true, (v) => this.setContainer(i, { essential: v }))}
      ${this.group(`${at}.portMappings`, `Container ${i + 1} port mappings`, html`
        ${c.portMappings.map((p, j) => html`<div class="row">
          ${this.numberField(`${at}.portMappings[${j}].containerPort`, `Mapping ${j + 1} container port`, p.containerPort, (v) => setPort(j, { containerPort: v }))}
          ${this.numberField(`${at}.portMappings[${j}].hostPort`, 'Host port', p.hostPort, (v) => setPort(j, { hostPort: v }), { placeholder: '0 = dynamic (bridge)' })}
          ${this.selectField(`${at}.portMappings[${j}].protocol`, 'Protocol', p.protocol, [['', '(default: tcp)'], ...PROTOCOLS.map((x): [string, string] => [x, x])], (v) => setPort(j, { protocol: v }))}
          <button type="button" class="danger" @click=${() => this.setContainer(i, { portMappings: c.portMappings.filter((_, k) => k !== j) })}
            aria-label=${`Remove mapping ${j + 1} of container ${i + 1}`}>Remove</button>
        </div>`)}
        <div class="actions"><button type="button" @click=${() => this.setContainer(i, { portMappings: [...c.portMappings, newPortMapping()] })}>Add port mapping</button></div>
      `)}
      <button type="button" class="danger" ?disabled=${this.form.containers.length === 1}
        @click=${() => this.set('containers', this.form.containers.filter((_, k) => k !== i))}>Remove container ${i + 1}</button>
    </div>`;
  }
}

// Keeps every cluster ledger of one region in step with the document by reconciliation: before a
// batch, one pass over the region's container instances and tasks compares each record with what was
// last sent (references and a few fields, no strings built) and sends only the differences as deltas.
// Record lists only grow, except that a failed call's undo truncates them (api/undo-point.ts): a
// record that is no longer at its place is taken back. So a missed mutation site cannot leave the
// store stale, and the cost per batch is O(instances + tasks) pointer comparisons, not a rebuild.
// SandboxApi's verifyPlacement option checks every batch against the literal builder.
import type { ContainerInstanceRecord, TaskDefinitionRecord, TaskRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';
import type { PlacementCore } from '../../placement-core.ts';
import type { Era } from '../era.ts';
import { INSTANCE_ACTIVE, INSTANCE_DRAINING, INSTANCE_GONE } from '../../placement/resident-deltas.ts';
import { ClusterLedger } from './cluster-ledger.ts';
import { definitionReservation, registeredAmount, type TaskReservation } from './task-reservation.ts';
import { encodePort, taskPortMappingsOf } from './task-port-mappings.ts';

interface InstanceShadow {
  record: ContainerInstanceRecord;
  ledger: ClusterLedger;
  slot: number;
  version: number;
  status: ContainerInstanceRecord['status'];
  agentConnected: boolean;
  attributes: ContainerInstanceRecord['attributes'];
  registeredResources: ContainerInstanceRecord['registeredResources'];
  ephemeralPortRange: ContainerInstanceRecord['ephemeralPortRange'];
  eniLimit: number | undefined;
  subnetId: string | undefined;
}

/** What a live task holds, as last sent (null: it holds nothing in any store). */
interface Holding {
  ledger: ClusterLedger;
  slot: number;
  cpu: number;
  memory: number;
  eni: number;
  group: string;
  active: number;
  running: number;
  ports: number[];
  staticPorts: number[];
}

interface TaskShadow {
  record: TaskRecord;
  lastStatus: TaskRecord['lastStatus'];
  desiredStatus: TaskRecord['desiredStatus'];
  containerInstanceId: string | undefined;
  group: string;
  taskDefinitionArn: string;
  hostPorts: TaskRecord['hostPorts'];
  eni: TaskRecord['eni'];
  holding: Holding | null;
}

/** The registered PORTS / PORTS_UDP resources as distinct encoded ports, ascending (4.5). */
function registeredReservedPorts(instance: ContainerInstanceRecord): number[] {
  const ports = new Set<number>();
  for (const r of instance.registeredResources) {
    if (r.name !== 'PORTS' && r.name !== 'PORTS_UDP') continue;
    for (const p of r.stringSetValue ?? []) {
      const port = Number(p);
      if (Number.isInteger(port) && port >= 0 && port <= 65535) ports.add(encodePort(r.name === 'PORTS' ? 'tcp' : 'udp', port));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** A task definition's reservation and which of its mappings bind static host ports, looked up by ARN. */
class DefinitionIndex {
  private list: TaskDefinitionRecord[] | undefined;
  private seen = 0;
  private last: TaskDefinitionRecord | undefined;
  private readonly byArn = new Map<string, { reservation: TaskReservation; awsvpc: boolean; dynamicKeys: Set<string> }>();

  of(state: RegionState, arn: string) {
    // the list only grows, but an undo may truncate it and a later call append others
    const list = state.taskDefinitions;
    if (this.list !== list || this.seen > list.length || (this.seen > 0 && list[this.seen - 1] !== this.last)) {
      this.list = state.taskDefinitions;
      this.seen = 0;
      this.byArn.clear();
    }
    for (; this.seen < state.taskDefinitions.length; this.seen++) {
      const definition = state.taskDefinitions[this.seen].definition;
      // a binding is matched to the FIRST mapping with its container, port and protocol
      const firstHostPort = new Map<string, number>();
      for (const m of taskPortMappingsOf(definition)) {
        const key = `${m.containerName}\u0000${m.containerPort}\u0000${m.protocol}`;
        if (!firstHostPort.has(key)) firstHostPort.set(key, m.hostPort);
      }
      const dynamicKeys = new Set([...firstHostPort].filter(([, hostPort]) => hostPort === 0).map(([key]) => key));
      this.last = state.taskDefinitions[this.seen];
      if (!this.byArn.has(definition.taskDefinitionArn!)) this.byArn.set(definition.taskDefinitionArn!, {
        reservation: definitionReservation(definition), awsvpc: definition.networkMode === 'awsvpc', dynamicKeys,
      });
    }
    return this.byArn.get(arn);
  }
}

export class RegionLedgers {
  private readonly core: PlacementCore;
  private readonly clusters = new Map<string, ClusterLedger>();
  private instances: InstanceShadow[] = [];
  private tasks: TaskShadow[] = [];
  /** this.tasks[0 .. stoppedPrefix) were STOPPED when last seen. */
  private stoppedPrefix = 0;
  /** The indices from stoppedPrefix on of the tasks that were not STOPPED when last seen, ascending. */
  private readonly live: number[] = [];
  private readonly definitions = new DefinitionIndex();

  constructor(core: PlacementCore) {
    this.core = core;
  }

  /** The cluster's ledger, in step with the document and flushed to its store. */
  ledgerFor(state: RegionState, clusterName: string, era: Era): ClusterLedger {
    this.sync(state, era);
    const ledger = this.ledger(clusterName);
    ledger.flush();
    return ledger;
  }

  private ledger(clusterName: string): ClusterLedger {
    let ledger = this.clusters.get(clusterName);
    if (!ledger) {
      ledger = new ClusterLedger(this.core.createClusterStore());
      this.clusters.set(clusterName, ledger);
    }
    return ledger;
  }

  dispose(): void {
    for (const ledger of this.clusters.values()) ledger.dispose();
    this.clusters.clear();
  }

  private sync(state: RegionState, era: Era): void {
    // Instances first: a task's holding is sent to its instance's slot.
    const instances = state.containerInstances;
    let keep = 0;
    while (keep < this.instances.length && keep < instances.length && this.instances[keep].record === instances[keep]) keep++;
    for (let k = this.instances.length - 1; k >= keep; k--) this.forgetInstance(this.instances[k]);
    this.instances.length = keep;
    for (let k = 0; k < instances.length; k++) {
      const record = instances[k];
      if (k >= keep) this.instances.push(this.seeInstance(record, era));
      else if (this.instanceChanged(this.instances[k])) this.sendInstance(this.instances[k], era);
    }

    const tasks = state.tasks;
    const seen = this.tasks.length;
    // The list only grows unless cut back (then the record at the old edge is another one, or gone):
    // with the edge intact, only the tasks not STOPPED when last seen can have changed (STOPPED is
    // final and holds nothing), and the tasks after the edge are new.
    const edgeIntact = seen > 0 && seen <= tasks.length && tasks[seen - 1] === this.tasks[seen - 1].record &&
      (this.stoppedPrefix === 0 || tasks[this.stoppedPrefix - 1] === this.tasks[this.stoppedPrefix - 1].record);
    if (edgeIntact) {
      for (const k of this.live) this.compareTask(state, tasks[k], k);
      for (let k = seen; k < tasks.length; k++) this.addTask(state, tasks[k]);
    } else {
      // The leading tasks that were STOPPED at the last pass hold nothing and never change again (STOPPED is
      // final); they are skipped, unless the list was cut back into them (its element at the edge moved).
      const prefix = this.stoppedPrefix;
      if (prefix > 0 && tasks[prefix - 1] !== this.tasks[prefix - 1]?.record) this.stoppedPrefix = 0;
      keep = this.stoppedPrefix;
      while (keep < this.tasks.length && keep < tasks.length && this.tasks[keep].record === tasks[keep]) keep++;
      for (let k = this.tasks.length - 1; k >= keep; k--) this.release(this.tasks[k].holding);
      this.tasks.length = keep;
      for (let k = this.stoppedPrefix; k < tasks.length; k++) {
        if (k >= keep) this.addTask(state, tasks[k]);
        else this.compareTask(state, tasks[k], k);
      }
    }
    while (this.stoppedPrefix < this.tasks.length && this.tasks[this.stoppedPrefix].lastStatus === 'STOPPED') this.stoppedPrefix++;
    this.live.length = 0;
    for (let k = this.stoppedPrefix; k < this.tasks.length; k++) if (this.tasks[k].lastStatus !== 'STOPPED') this.live.push(k);
  }

  private addTask(state: RegionState, task: TaskRecord): void {
    const shadow = this.shadowOf(task);
    shadow.holding = this.hold(state, task);
    this.tasks.push(shadow);
  }

  /** The task at k, seen before as this.tasks[k]: sent again when anything the store has of it changed. */
  private compareTask(state: RegionState, task: TaskRecord, k: number): void {
    const shadow = this.tasks[k];
    if (shadow.lastStatus === task.lastStatus && shadow.desiredStatus === task.desiredStatus &&
      shadow.containerInstanceId === task.containerInstanceId && shadow.group === task.group &&
      shadow.taskDefinitionArn === task.taskDefinitionArn && shadow.hostPorts === task.hostPorts && shadow.eni === task.eni) return;
    this.release(shadow.holding);
    const next = this.shadowOf(task);
    next.holding = this.hold(state, task);
    this.tasks[k] = next;
  }

  // ── instances ──

  private seeInstance(record: ContainerInstanceRecord, era: Era): InstanceShadow {
    const ledger = this.ledger(record.clusterName);
    const known = ledger.slotOfInstance.get(record.id);
    // The same id again after an undone registration gets a new slot: slots are never reused.
    const slot = known !== undefined && !ledger.goneSlots.has(known) && ledger.slotInstances[known] === record
      ? known : ledger.addSlot(record);
    ledger.slotInstances[slot] = record;
    ledger.slotOfInstance.set(record.id, slot);
    const shadow = { record, ledger, slot } as InstanceShadow;
    this.sendInstance(shadow, era);
    return shadow;
  }

  private instanceChanged(s: InstanceShadow): boolean {
    const r = s.record;
    return s.version !== r.version || s.status !== r.status || s.agentConnected !== r.agentConnected ||
      s.attributes !== r.attributes || s.registeredResources !== r.registeredResources ||
      s.ephemeralPortRange !== r.ephemeralPortRange || s.eniLimit !== r.eniLimit || s.subnetId !== r.subnetId;
  }

  private sendInstance(s: InstanceShadow, era: Era): void {
    const r = s.record;
    Object.assign(s, {
      version: r.version, status: r.status, agentConnected: r.agentConnected, attributes: r.attributes,
      registeredResources: r.registeredResources, ephemeralPortRange: r.ephemeralPortRange, eniLimit: r.eniLimit, subnetId: r.subnetId,
    });
    const range = r.ephemeralPortRange ?? era.ephemeralPortRange;
    s.ledger.pending.instance(s.slot, {
      state: r.status === 'ACTIVE' ? INSTANCE_ACTIVE : r.status === 'DRAINING' ? INSTANCE_DRAINING : INSTANCE_GONE,
      agentConnected: r.agentConnected ? 1 : 0,
      cpuRegistered: registeredAmount(r, 'CPU'),
      memoryRegistered: registeredAmount(r, 'MEMORY'),
      eniLimit: r.eniLimit ?? 1, // an instance of unknown type takes no awsvpc task (4.6)
      ephemeralFirst: range.first,
      ephemeralLast: range.last,
      reservedPorts: registeredReservedPorts(r),
    });
    s.ledger.instanceEpoch++;
  }

  /** An instance record that left the list (an undone registration). */
  private forgetInstance(s: InstanceShadow): void {
    s.ledger.goneSlots.add(s.slot);
    s.ledger.pending.instance(s.slot, {
      state: INSTANCE_GONE, agentConnected: 0, cpuRegistered: 0, memoryRegistered: 0, eniLimit: 1,
      ephemeralFirst: 0, ephemeralLast: -1, reservedPorts: [],
    });
    s.ledger.instanceEpoch++;
  }

  // ── tasks ──

  private shadowOf(task: TaskRecord): TaskShadow {
    return {
      record: task, lastStatus: task.lastStatus, desiredStatus: task.desiredStatus, containerInstanceId: task.containerInstanceId,
      group: task.group, taskDefinitionArn: task.taskDefinitionArn, hostPorts: task.hostPorts, eni: task.eni, holding: null,
    };
  }

  /** Sends what a live task holds (3.2: every task not yet STOPPED holds its resources) and returns it. */
  private hold(state: RegionState, task: TaskRecord): Holding | null {
    if (task.lastStatus === 'STOPPED' || task.containerInstanceId === undefined) return null;
    const ledger = this.clusters.get(task.clusterName);
    const slot = ledger?.slotOfInstance.get(task.containerInstanceId);
    if (!ledger || slot === undefined || ledger.goneSlots.has(slot)) return null;
    const definition = this.definitions.of(state, task.taskDefinitionArn);
    const awsvpc = task.eni !== undefined || definition?.awsvpc === true;
    const ports: number[] = [];
    const staticPorts: number[] = [];
    if (!awsvpc) { // an awsvpc task's ports are on its own ENI (4.5)
      for (const b of task.hostPorts) {
        ports.push(encodePort(b.protocol, b.hostPort));
        // only a binding of a dynamic mapping is unreserved; one the definition does not know counts as
        // static, as build-placement-problem.ts counts it
        staticPorts.push(definition?.dynamicKeys.has(`${b.containerName}\u0000${b.containerPort}\u0000${b.protocol}`) ? 0 : 1);
      }
    }
    const holding: Holding = {
      ledger, slot,
      cpu: definition?.reservation.cpu ?? 0,
      memory: definition?.reservation.memory ?? 0,
      eni: awsvpc ? 1 : 0,
      group: task.group,
      // 6.4: tasks the service wants running count for spread
      active: task.desiredStatus === 'RUNNING' && task.lastStatus !== 'DEPROVISIONING' ? 1 : 0,
      running: task.lastStatus === 'RUNNING' ? 1 : 0,
      ports, staticPorts,
    };
    this.send(holding, 1);
    return holding;
  }

  private release(holding: Holding | null): void {
    if (holding) this.send(holding, -1);
  }

  private send(h: Holding, sign: 1 | -1): void {
    h.ledger.pending.task(sign, h.slot, {
      cpu: h.cpu, memory: h.memory, eni: h.eni, group: h.ledger.groupId(h.group), active: h.active, ports: h.ports, staticPorts: h.staticPorts,
    });
    h.ledger.running[h.slot] += sign * h.running;
    const live = (h.ledger.liveByGroup.get(h.group) ?? 0) + sign;
    if (live === 0) h.ledger.liveByGroup.delete(h.group);
    else h.ledger.liveByGroup.set(h.group, live);
  }
}

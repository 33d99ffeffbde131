// One cluster's side of the resident placement state (performance notes 4): which store slot each
// container instance has, the task groups interned for the store, and what the TS side still needs
// for the query language (running tasks per instance, the groups with live tasks). The numbers the
// cores place with live in the ResidentClusterStore (WASM linear memory with the WASM core); this
// ledger only decides which deltas to send. region-ledgers.ts keeps it in step with the document.
import type { ContainerInstanceRecord } from '../../domain/records.ts';
import type { ResidentClusterStore } from '../../placement/resident-cluster-store.ts';
import { DeltaWriter } from '../../placement/resident-deltas.ts';

export class ClusterLedger {
  readonly store: ResidentClusterStore;
  /** Deltas waiting to be applied; flushed before every batch. */
  readonly pending = new DeltaWriter();
  /** The instance record of each slot (slots are never reused). */
  readonly slotInstances: ContainerInstanceRecord[] = [];
  readonly slotOfInstance = new Map<string, number>();
  /** Slots whose instance left the document (an undone registration): never placeable again. */
  readonly goneSlots = new Set<number>();
  /** RUNNING tasks per slot: the query language's runningTasksCount (5.4). */
  running = new Int32Array(16);
  /** Live tasks per group, the whole cluster: the groups a task:group regex can match (5.4). */
  readonly liveByGroup = new Map<string, number>();
  private readonly groupIds = new Map<string, number>();
  /**
   * Bumped whenever anything the query language or the attribute stage reads of an instance changes,
   * or an instance comes or goes: cached columns of an older epoch are stale.
   */
  instanceEpoch = 0;
  private placeable: { epoch: number; instances: ContainerInstanceRecord[]; slots: Int32Array } | undefined;

  constructor(store: ResidentClusterStore) {
    this.store = store;
  }

  /** The store group of a task group, interned on first use. */
  groupId(group: string): number {
    let id = this.groupIds.get(group);
    if (id === undefined) {
      id = this.groupIds.size;
      this.groupIds.set(group, id);
    }
    return id;
  }

  /** The store group of a task group that has had tasks here, else -1 (its columns would be zeros). */
  knownGroupId(group: string): number {
    return this.groupIds.get(group) ?? -1;
  }

  /** A new slot for an instance seen for the first time. */
  addSlot(instance: ContainerInstanceRecord): number {
    const slot = this.slotInstances.length;
    this.slotInstances.push(instance);
    this.slotOfInstance.set(instance.id, slot);
    if (slot >= this.running.length) {
      const grown = new Int32Array(this.running.length * 2);
      grown.set(this.running);
      this.running = grown;
    }
    return slot;
  }

  /** The cluster's ACTIVE and DRAINING instances in registration order (3.3) and their slots. */
  placeableInstances(): { instances: ContainerInstanceRecord[]; slots: Int32Array } {
    if (this.placeable?.epoch !== this.instanceEpoch) {
      const instances = this.slotInstances
        .filter((i, slot) => (i.status === 'ACTIVE' || i.status === 'DRAINING') && !this.goneSlots.has(slot))
        .sort((a, b) => a.registrationIndex - b.registrationIndex);
      const slots = Int32Array.from(instances, (i) => this.slotOfInstance.get(i.id)!);
      this.placeable = { epoch: this.instanceEpoch, instances, slots };
    }
    return this.placeable;
  }

  /** Applies what is pending to the store. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.store.applyDeltas(this.pending.records());
    this.pending.clear();
  }

  dispose(): void {
    this.store.dispose();
  }
}

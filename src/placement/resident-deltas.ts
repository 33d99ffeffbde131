// The delta records a ResidentClusterStore applies (performance notes 4: "load once, then send
// deltas"). A stream of i32 words; each record starts with its kind. Written by
// src/engine/placement/cluster-ledger.ts, read by every store (TS and WASM), identically.
//
// DELTA_INSTANCE: [1, slot, state, agentConnected, cpuRegistered, memoryRegistered, eniLimit,
//                  ephemeralFirst, ephemeralLast, reservedPortCount, ...reservedPorts]
//   Sets the instance row of `slot` (absolute values). A new slot must be the store's next one
//   (slot == slots so far); slots are never removed, an instance that leaves becomes INSTANCE_GONE.
//   reservedPorts are the registered PORTS / PORTS_UDP resources as encoded ports (protocol << 16 |
//   port), distinct; they REPLACE the slot's previous registered set.
// DELTA_TASK:     [2, sign, slot, cpu, memory, eni, group, active, portCount, ...(encodedPort, isStatic)]
//   Adds (sign +1) or removes (sign −1) what one live task holds on `slot`: cpu and memory (4.3, 4.4),
//   one ENI when eni = 1 (awsvpc, 4.6), one live task of store group `group` (≥ 0) that counts for
//   spread when active = 1 (6.4), and its host ports (none for awsvpc tasks, 4.5); a static port
//   (isStatic = 1) is also reserved (the 100-port cap). A change of a task is its removal with the old
//   values followed by its addition with the new ones. Group ids are dense, from 0, per store.
//
// What the store gathers for slot s (the PlacementProblem's instance columns):
//   instanceState = state (a batch never names an INSTANCE_GONE slot); agentConnected;
//   cpuFree = cpuRegistered − Σ cpu; memoryFree = memoryRegistered − Σ memory;
//   eniFree = max(0, eniLimit − 1 − Σ eni); liveTasks = Σ sign;
//   usedPorts = the sorted encoded ports held by the registered set or by any live task;
//   reservedTcpCount / reservedUdpCount = how many distinct ports of protocol TCP / other than TCP are
//   registered or held by a static mapping; ephemeralFirst / ephemeralLast;
//   groupLive[g] = Σ sign, groupActive[g] = Σ sign × active, over the tasks of group g.
import { INSTANCE_ACTIVE, INSTANCE_DRAINING } from './placement-codes.ts';

export const DELTA_INSTANCE = 1;
export const DELTA_TASK = 2;

/** An instance that is no longer ACTIVE or DRAINING (deregistered, or gone with an undo). */
export const INSTANCE_GONE = 2;
export { INSTANCE_ACTIVE, INSTANCE_DRAINING };

/** Words of a DELTA_INSTANCE record before its reserved ports. */
export const INSTANCE_RECORD_HEAD = 10;
/** Words of a DELTA_TASK record before its ports. */
export const TASK_RECORD_HEAD = 9;

/** Appends records to a growable Int32Array. */
export class DeltaWriter {
  private words = new Int32Array(256);
  length = 0;

  private push(value: number): void {
    if (this.length === this.words.length) {
      const grown = new Int32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.length++] = value;
  }

  instance(slot: number, row: {
    state: number; agentConnected: number; cpuRegistered: number; memoryRegistered: number; eniLimit: number;
    ephemeralFirst: number; ephemeralLast: number; reservedPorts: readonly number[];
  }): void {
    this.push(DELTA_INSTANCE);
    this.push(slot);
    this.push(row.state);
    this.push(row.agentConnected);
    this.push(row.cpuRegistered);
    this.push(row.memoryRegistered);
    this.push(row.eniLimit);
    this.push(row.ephemeralFirst);
    this.push(row.ephemeralLast);
    this.push(row.reservedPorts.length);
    for (const port of row.reservedPorts) this.push(port);
  }

  task(sign: 1 | -1, slot: number, held: {
    cpu: number; memory: number; eni: number; group: number; active: number; ports: readonly number[]; staticPorts: readonly number[];
  }): void {
    this.push(DELTA_TASK);
    this.push(sign);
    this.push(slot);
    this.push(held.cpu);
    this.push(held.memory);
    this.push(held.eni);
    this.push(held.group);
    this.push(held.active);
    this.push(held.ports.length);
    held.ports.forEach((port, k) => {
      this.push(port);
      this.push(held.staticPorts[k]);
    });
  }

  /** The records written so far (a view; valid until the next write). */
  records(): Int32Array {
    return this.words.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

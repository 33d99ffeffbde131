// Step 4 of the contract: the task takes its resources on instance i and the group's counts rise.
// The brute-force scan (indexedPorts = false) has no lowest-free port cursors; both paths bind the
// same ports through indexes/used-ports.ts.
import { setWord, word } from '../memory/words';
import {
  batchGroupIndex, cpuFree, eniFree, groupActive, groupLive, groupLiveByGroup, liveTasks, M, memoryFree,
  outAssignedPorts, outAssignments, P, reservedTcpCount, reservedUdpCount, taskCpu, taskMemory,
  taskNeedsEni, taskPortMappings, taskPorts,
} from './placement-batch';
import { PROTOCOL_TCP } from '../abi';
import { fitsPorts } from './stages/fits-ports';
import { takePort } from './indexes/used-ports';
import { addToSpreadCounts } from './strategies/spread';

export function placeTask(i: i32, t: i32, indexedPorts: bool = true): void {
  // The ports stage is deterministic: re-running it on i yields the host ports its check chose.
  if (P > 0) fitsPorts(i, indexedPorts);
  setWord(cpuFree, i, word(cpuFree, i) - taskCpu);
  setWord(memoryFree, i, word(memoryFree, i) - taskMemory);
  setWord(eniFree, i, word(eniFree, i) - taskNeedsEni);
  for (let k = 0; k < P; k++) {
    const port = word(taskPorts, k);
    takePort(i, port);
    setWord(outAssignedPorts, t * P + k, port); // encoded, as the oracle records them
    const mapping = word(taskPortMappings, k);
    if ((mapping & 0xffff) > 0) {
      const reserved = (mapping >>> 16) == PROTOCOL_TCP ? reservedTcpCount : reservedUdpCount;
      setWord(reserved, i, word(reserved, i) + 1);
    }
  }
  setWord(groupActive, i, word(groupActive, i) + 1);
  setWord(groupLive, i, word(groupLive, i) + 1);
  setWord(liveTasks, i, word(liveTasks, i) + 1);
  if (batchGroupIndex >= 0) {
    const slot = batchGroupIndex * M + i;
    setWord(groupLiveByGroup, slot, word(groupLiveByGroup, slot) + 1);
  }
  addToSpreadCounts(i, 1);
  setWord(outAssignments, t, i);
}

// The strategy chain of semantics 6.2 over the n members of `tie` (registration order), from strategy
// `from` on, then the final tie-break of 6.6. Returns the chosen instance.
import * as abi from '../../abi';
import { word } from '../../memory/words';
import { cpuFree, memoryFree, S, strategyField, strategyType } from '../placement-batch';
import { narrowBySpread } from './spread';
import { narrowByValue } from './binpack';
import { pickOneOf } from './placement-random';

export function chooseInstance(tie: usize, n: i32, from: i32): i32 {
  for (let s = from; s < S; s++) {
    const type = word(strategyType, s);
    if (type == abi.STRATEGY_RANDOM) return word(tie, pickOneOf(n)); // 6.5: random ends the chain
    if (type == abi.STRATEGY_SPREAD) n = narrowBySpread(tie, n, word(strategyField, s), false);
    else n = narrowByValue(tie, n, word(strategyField, s) == abi.BINPACK_CPU ? cpuFree : memoryFree, false);
  }
  return word(tie, pickOneOf(n)); // 6.6
}

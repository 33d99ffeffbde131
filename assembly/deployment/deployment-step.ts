// The deployment-step arithmetic of semantics 9.1 and 9.3, the twin of src/reference/deployment-step.ts.
// D × percent is taken in 64 bits: a percent is any API Integer (only maximumPercent ≥ 100 is checked,
// semantics 15 #26), so D × maximumPercent overflows 32 bits long before it overflows 64 bits.
// MIN and MAX saturate at 2^31 − 1, which changes no k, j or s: every count is below 2^31 − 2^24.
// The answer sits in a static area of DS_RESULT_WORDS words (no allocation); the host reads it word
// by word through deploymentStepResult.
import { DS_LAUNCH, DS_MAX, DS_MIN, DS_RESULT_WORDS, DS_RETIRE, DS_SCALE_IN } from '../abi';
import { setWord, word } from '../memory/words';

const result: usize = memory.data(DS_RESULT_WORDS << 2, 4);

/** (D × percent + round) div 100 in 64 bits, saturated at i32.MAX_VALUE. */
function percentOf(d: i32, percent: i32, round: i64): i32 {
  const quotient = (<i64>d * <i64>percent + round) / 100;
  return quotient > <i64>i32.MAX_VALUE ? i32.MAX_VALUE : <i32>quotient;
}

/** Computes MIN, MAX, k, j and s into the result area; returns k (tasks to launch for PRIMARY). */
export function computeDeploymentStep(
  d: i32, minPct: i32, maxPct: i32, total: i32, healthy: i32, primary: i32, old: i32, backoff: i32,
): i32 {
  const maxTasks = percentOf(d, maxPct, 0); // MAX = floor(D × max / 100)
  const minHealthy = percentOf(d, minPct, 99); // MIN = ceil(D × min / 100)
  const launch = backoff != 0 ? 0 : max(0, min(d - primary, maxTasks - total)); // section 11: back-off launches nothing
  const retire = max(0, min(old, healthy - minHealthy));
  const scaleIn = max(0, primary - d); // a desiredCount decrease: MIN does not hold it back
  setWord(result, DS_MIN, minHealthy);
  setWord(result, DS_MAX, maxTasks);
  setWord(result, DS_LAUNCH, launch);
  setWord(result, DS_RETIRE, retire);
  setWord(result, DS_SCALE_IN, scaleIn);
  return launch;
}

/** Word `i` (a DS_* slot) of the last computeDeploymentStep; traps outside 0 .. DS_RESULT_WORDS − 1. */
export function deploymentStepWord(i: i32): i32 {
  if (<u32>i >= <u32>DS_RESULT_WORDS) unreachable();
  return word(result, i);
}

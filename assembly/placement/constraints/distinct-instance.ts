// distinctInstance (semantics 4.9): no live task of the batch's group may already be on the instance.
import { word } from '../../memory/words';
import { groupLive } from '../placement-batch';

export function isDistinctInstance(i: i32): bool {
  return word(groupLive, i) <= 0;
}

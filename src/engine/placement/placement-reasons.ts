// What a REJECT_* code says: the failure `reason` of RunTask/StartTask (4.12) and the event reason of
// the 4.2 table (4.11, DescribePlacement). The texts are the message catalogue's (TASKS).
import { TASKS } from '../../messages.ts';
import {
  REJECT_AGENT, REJECT_ATTRIBUTE, REJECT_CPU, REJECT_DISTINCT_INSTANCE, REJECT_ENI, REJECT_MEMBER_OF, REJECT_MEMORY, REJECT_PORTS,
} from '../../placement/placement-codes.ts';

type Stage = keyof typeof TASKS.eventReason;

const STAGE_OF: Record<number, Stage> = {
  [REJECT_CPU]: 'cpu',
  [REJECT_MEMORY]: 'memory',
  [REJECT_PORTS]: 'ports',
  [REJECT_ENI]: 'eni',
  [REJECT_ATTRIBUTE]: 'attribute',
  [REJECT_AGENT]: 'agent',
  [REJECT_MEMBER_OF]: 'memberOf',
  [REJECT_DISTINCT_INSTANCE]: 'distinctInstance',
};

/** The RunTask/StartTask failure reason of a stage rejection; undefined for REJECT_NONE and REJECT_DRAINING. */
export const failureReasonOf = (code: number): string | undefined =>
  STAGE_OF[code] === undefined ? undefined : TASKS.failureReason[STAGE_OF[code]];

/** The 4.2 event reason of a stage rejection; undefined for REJECT_NONE and REJECT_DRAINING. */
export const eventReasonOf = (code: number): string | undefined =>
  STAGE_OF[code] === undefined ? undefined : TASKS.eventReason[STAGE_OF[code]];

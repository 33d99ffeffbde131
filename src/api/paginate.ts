// Opaque pagination tokens for the List* operations. A token encodes the offset of the next page;
// one that does not decode is InvalidParameterException (15.5 #3).
import { AwsError } from './aws-error.ts';
import { COMMON } from '../messages.ts';

const PREFIX = 'ecs-sandbox:';

const encode = (offset: number) => btoa(`${PREFIX}${offset}`);

function decode(token: string): number {
  let text: string;
  try {
    text = atob(token);
  } catch {
    throw new AwsError('InvalidParameterException', COMMON.invalidNextToken);
  }
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) throw new AwsError('InvalidParameterException', COMMON.invalidNextToken);
  return offset;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** One page of `items`. `maxResults` must lie in 1..`limit` (checked here); it defaults to `limit`. */
export function paginate<T>(items: readonly T[], nextToken: string | undefined, maxResults: number | undefined, limit: number): Page<T> {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > limit)) {
    throw new AwsError('InvalidParameterException', COMMON.maxResultsRange(limit));
  }
  const start = nextToken === undefined ? 0 : decode(nextToken);
  const size = maxResults ?? limit;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return end < items.length ? { items: page, nextToken: encode(end) } : { items: page };
}

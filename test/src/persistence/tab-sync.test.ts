// Tabs hear each other's saves over a BroadcastChannel (global in Node); the schema handshake.
import { describe, expect, it, vi } from 'vitest';
import { DOCUMENT_SCHEMA_VERSION } from '../../../src/domain/sandbox-document.ts';
import { TAB_CHANNEL_NAME, broadcastTabSync, judgeTabMessage, readTabMessage, type TabMessage } from '../../../src/persistence/tab-sync.ts';

const V = DOCUMENT_SCHEMA_VERSION;
const saved = (id: string, revision: number, schemaVersion = V): TabMessage => ({ type: 'saved', id, revision, schemaVersion });

describe('judgeTabMessage', () => {
  it.each([
    ['a newer schema stops writing, whatever the scenario', saved('other', 1, V + 1), { id: 'a', revision: 3 }, 'stop-writing'],
    ['a newer schema stops writing also with nothing open', { type: 'changed', schemaVersion: V + 1 } as TabMessage, undefined, 'stop-writing'],
    ['the open scenario at a newer revision (4 > 3) reloads', saved('a', 4), { id: 'a', revision: 3 }, 'reload'],
    ['the open scenario at the same revision (3 = 3): this tab\'s own save', saved('a', 3), { id: 'a', revision: 3 }, 'refresh'],
    ['an older revision (2 < 3) is stale news', saved('a', 2), { id: 'a', revision: 3 }, 'refresh'],
    ['another scenario only refreshes the list', saved('b', 9), { id: 'a', revision: 3 }, 'refresh'],
    ['an older schema is fine', saved('a', 4, V - 1), { id: 'a', revision: 3 }, 'reload'],
  ] as const)('%s', (_case, message, open, action) => {
    expect(judgeTabMessage(message, open)).toBe(action);
  });
});

describe('readTabMessage', () => {
  it.each([
    [null, undefined],
    ['saved', undefined],
    [{ type: 'saved', id: 'a', revision: 1 }, undefined], // no schemaVersion: not ours
    [{ type: 'saved', id: 1, revision: 1, schemaVersion: 2 }, undefined],
    [{ type: 'other', schemaVersion: 2 }, undefined],
    [{ type: 'saved', id: 'a', revision: 1, schemaVersion: 2, extra: true }, { type: 'saved', id: 'a', revision: 1, schemaVersion: 2 }],
    [{ type: 'changed', schemaVersion: 3 }, { type: 'changed', schemaVersion: 3 }],
  ])('%j → %j', (data, expected) => {
    expect(readTabMessage(data)).toEqual(expected);
  });
});

describe('broadcastTabSync', () => {
  it('the channel name is the one every build uses', () => {
    expect(TAB_CHANNEL_NAME).toBe('ecs-sandbox-scenarios');
  });

  it('delivers well-formed messages to the other tabs, not to the sender; junk is ignored', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const [a, b] = [broadcastTabSync(name), broadcastTabSync(name)];
    const heardByA = vi.fn();
    const heardByB = vi.fn();
    a.subscribe(heardByA);
    b.subscribe(heardByB);
    const raw = new BroadcastChannel(name);
    raw.postMessage({ type: 'junk' });
    a.post(saved('x', 2));
    await vi.waitFor(() => expect(heardByB).toHaveBeenCalledWith(saved('x', 2)));
    expect(heardByB).toHaveBeenCalledTimes(1);
    expect(heardByA).not.toHaveBeenCalled();
    raw.close();
    a.close();
    b.close();
  });
});

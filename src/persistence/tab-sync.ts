// Tabs of the playground tell each other about saves over a BroadcastChannel (tldraw's multi-tab
// sync, with its schema handshake). Each message carries the sender's schema version: a tab that
// sees a newer one stops writing (it must not overwrite what it cannot read); a tab with the same
// scenario open that sees a newer revision reloads it (and replays its own unsaved calls).
import { DOCUMENT_SCHEMA_VERSION } from '../domain/sandbox-document.ts';

// DO NOT CHANGE: tabs of different builds must still hear each other.
export const TAB_CHANNEL_NAME = 'ecs-sandbox-scenarios';

export type TabMessage =
  /** A scenario was saved (created, or its document written) at `revision`. */
  | { type: 'saved'; id: string; revision: number; schemaVersion: number }
  /** The library changed otherwise (rename, delete): lists should be read again. */
  | { type: 'changed'; schemaVersion: number };

export interface TabSync {
  post(message: TabMessage): void;
  /** Returns the unsubscribe function. Only well-formed messages reach the listener. */
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

export function broadcastTabSync(name = TAB_CHANNEL_NAME): TabSync {
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: TabMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    const message = readTabMessage(event.data);
    if (message) listeners.forEach((listener) => listener(message));
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      channel.close();
    },
  };
}

/** A message from another tab (of any version) as a TabMessage, or undefined when it is none. */
export function readTabMessage(data: unknown): TabMessage | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  if (typeof m.schemaVersion !== 'number') return undefined;
  if (m.type === 'changed') return { type: 'changed', schemaVersion: m.schemaVersion };
  if (m.type === 'saved' && typeof m.id === 'string' && typeof m.revision === 'number') {
    return { type: 'saved', id: m.id, revision: m.revision, schemaVersion: m.schemaVersion };
  }
  return undefined;
}

export type TabAction = 'stop-writing' | 'reload' | 'refresh';

/** What a tab does about a message, given the scenario it has open (if any) and the revision it holds. */
export function judgeTabMessage(
  message: TabMessage, open: { id: string; revision: number } | undefined, schemaVersion = DOCUMENT_SCHEMA_VERSION,
): TabAction {
  if (message.schemaVersion > schemaVersion) return 'stop-writing';
  if (message.type === 'saved' && open && message.id === open.id && message.revision > open.revision) return 'reload';
  return 'refresh';
}

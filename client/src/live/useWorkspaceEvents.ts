import { useEffect, useRef, useState } from 'react';
import { EVENT_TYPES, type DomainEvent } from '../../../shared/events';

/**
 * The workspace's live event stream (CONTRACT §4), shared by every feature on the page.
 *
 * One EventSource per workspace, however many components listen: the first subscriber opens
 * it, the last one to leave closes it. The browser reconnects by itself and sends
 * Last-Event-ID, so the server replays what was missed; the session cookie authenticates it.
 *
 * Use from any feature (comments, boards, …):
 *   const state = useWorkspaceEvents(workspaceId, (event) => { if (event.type === 'comment.created') … });
 * or outside React: `const stop = subscribeWorkspaceEvents(workspaceId, { onEvent, onState })`.
 * The callback may change every render; the latest one is always called.
 */

export type StreamState = 'connecting' | 'open' | 'down';

export interface StreamListener {
  onEvent?(event: DomainEvent): void;
  onState?(state: StreamState): void;
}

interface Stream {
  source: EventSource;
  state: StreamState;
  listeners: Set<StreamListener>;
}

const streams = new Map<string, Stream>();

function open(workspaceId: string): Stream {
  const source = new EventSource(`/api/workspaces/${encodeURIComponent(workspaceId)}/events`, { withCredentials: true });
  const stream: Stream = { source, state: 'connecting', listeners: new Set() };
  const setState = (state: StreamState) => {
    if (stream.state === state) return;
    stream.state = state;
    for (const l of stream.listeners) l.onState?.(state);
  };
  source.onopen = () => setState('open');
  // readyState CONNECTING after an error means the browser is retrying; CLOSED means it gave up
  // (e.g. a 401/404 answer), and we retry ourselves below so the page recovers without a reload.
  source.onerror = () => {
    setState('down');
    if (source.readyState === EventSource.CLOSED) setTimeout(() => reopen(workspaceId, stream), 5_000);
  };
  const deliver = (message: MessageEvent<string>) => {
    let event: DomainEvent;
    try {
      event = JSON.parse(message.data) as DomainEvent;
    } catch {
      return; // A garbled message is not worth breaking the page for.
    }
    for (const l of stream.listeners) l.onEvent?.(event);
  };
  // The server sends named events (`event: document.created`), which onmessage never sees.
  for (const type of EVENT_TYPES) source.addEventListener(type, deliver);
  return stream;
}

function reopen(workspaceId: string, old: Stream): void {
  if (streams.get(workspaceId) !== old || old.listeners.size === 0) return;
  const fresh = open(workspaceId);
  for (const l of old.listeners) fresh.listeners.add(l);
  streams.set(workspaceId, fresh);
}

export function subscribeWorkspaceEvents(workspaceId: string, listener: StreamListener): () => void {
  let stream = streams.get(workspaceId);
  if (!stream) {
    stream = open(workspaceId);
    streams.set(workspaceId, stream);
  }
  stream.listeners.add(listener);
  listener.onState?.(stream.state);
  return () => {
    const current = streams.get(workspaceId);
    if (!current) return;
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.source.close();
      streams.delete(workspaceId);
    }
  };
}

/** Listens to the workspace's events while mounted; returns the stream's state for a visible indicator. */
export function useWorkspaceEvents(workspaceId: string | null | undefined, onEvent?: (event: DomainEvent) => void): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    if (!workspaceId) return;
    return subscribeWorkspaceEvents(workspaceId, {
      onEvent: (e) => latest.current?.(e),
      onState: setState,
    });
  }, [workspaceId]);
  return state;
}

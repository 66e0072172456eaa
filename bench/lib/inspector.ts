import { WebSocket } from 'undici';

/** A session with the V8 inspector of a process started with `--inspect=127.0.0.1:<port>`. */
export interface InspectorSession {
  call(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): void;
}

export async function openInspector(inspectPort: number): Promise<InspectorSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve());
    ws.addEventListener('error', () => reject(new Error('cannot reach the inspector')));
  });
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Record<string, unknown> };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result ?? {});
  });
  let next = 0;
  return {
    call: (method, params = {}) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/**
 * The V8 heap of a process started with `--inspect=127.0.0.1:<port>`, in MiB,
 * right after a full garbage collection (through the inspector protocol).
 * RSS alone cannot tell a leak from heap that V8 grew under load and keeps:
 * the live heap after a full collection can.
 */
export async function heapAfterGcMiB(inspectPort: number): Promise<number> {
  const session = await openInspector(inspectPort);
  try {
    await session.call('HeapProfiler.collectGarbage');
    const usage = await session.call('Runtime.getHeapUsage');
    return Number(usage.usedSize) / 1024 / 1024;
  } finally {
    session.close();
  }
}

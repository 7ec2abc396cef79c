/**
 * A request/response channel to a module Web Worker, shared by every simulator that runs its engine
 * off the main thread (the method labs, the chapter labs). The page side, `createRpcClient`, numbers
 * requests, resolves each with its reply, and — if the worker cannot load or crashes — rejects every
 * pending and later call with WorkerUnavailable, so the island can fall back to running the same pure
 * function on the main thread for good. The worker side, `serveRpc`, answers each request with the
 * handler's value (its typed arrays transferred, not copied) or with the error's message.
 * Each island passes its own `start` function, because Vite bundles a worker only from a literal
 * `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })` at the call site.
 */

export class WorkerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerUnavailable';
  }
}

/** True in a browser that can start workers (false in happy-dom unit tests and on the server). */
export function workerSupported(): boolean {
  return typeof Worker === 'function' && typeof window !== 'undefined';
}

export type RpcRequest<Req> = { id: number; payload: Req };
export type RpcReply<Res> = { id: number; ok: true; value: Res } | { id: number; ok: false; message: string };

export interface RpcClient<Req, Res> {
  call(payload: Req): Promise<Res>;
  dispose(): void;
}

/** A client for the worker `start()` creates, or null where workers are unavailable or fail to start. */
export function createRpcClient<Req, Res>(start: () => Worker, label: string): RpcClient<Req, Res> | null {
  if (!workerSupported()) return null;
  let worker: Worker;
  try {
    worker = start();
  } catch {
    return null;
  }
  const pending = new Map<number, { resolve: (v: Res) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let broken = false;
  const failAll = (why: string): void => {
    broken = true;
    const jobs = [...pending.values()];
    pending.clear();
    for (const j of jobs) j.reject(new WorkerUnavailable(why));
  };
  worker.addEventListener('message', (event: MessageEvent<RpcReply<Res>>) => {
    const msg = event.data;
    const job = pending.get(msg?.id);
    if (!job) return;
    pending.delete(msg.id);
    if (msg.ok) job.resolve(msg.value);
    else job.reject(new Error(msg.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    failAll(`the ${label} worker could not run`);
  });
  worker.addEventListener('messageerror', () => {
    worker.terminate();
    failAll(`the ${label} worker sent a message the page could not read`);
  });
  return {
    call(payload) {
      if (broken) return Promise.reject(new WorkerUnavailable(`the ${label} worker could not run`));
      const id = nextId++;
      return new Promise<Res>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          worker.postMessage({ id, payload } satisfies RpcRequest<Req>);
        } catch (e) {
          // the payload could not be cloned: a bug in the caller, not a broken worker
          pending.delete(id);
          reject(e);
        }
      });
    },
    dispose() {
      worker.terminate();
      failAll('disposed');
    },
  };
}

/** The distinct buffers of the typed arrays among the values of `records` (a buffer listed twice makes postMessage throw). */
export function transferablesOf(...records: readonly object[]): Transferable[] {
  const out = new Set<ArrayBuffer>();
  for (const r of records) {
    for (const a of Object.values(r)) if (ArrayBuffer.isView(a) && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  }
  return [...out];
}

/** Worker side: answer every request with `handle(payload)` (its value, and buffers to transfer). */
export function serveRpc<Req, Res>(handle: (payload: Req) => { value: Res; transfer?: Transferable[] }): void {
  const scope = self as unknown as { addEventListener: (t: 'message', f: (e: MessageEvent<RpcRequest<Req>>) => void) => void; postMessage: (m: unknown, t: Transferable[]) => void };
  scope.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
    let reply: RpcReply<Res>;
    let transfer: Transferable[] = [];
    try {
      const out = handle(msg.payload);
      reply = { id: msg.id, ok: true, value: out.value };
      transfer = out.transfer ?? [];
    } catch (e) {
      reply = { id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    scope.postMessage(reply, transfer);
  });
}

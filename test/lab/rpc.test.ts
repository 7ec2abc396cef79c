// src/lib/worker/rpc.ts: the page ⇄ worker channel every off-main-thread simulator uses, driven through
// a fake Worker whose "inside" is serveRpc running in the same process.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient, serveRpc, transferablesOf, WorkerUnavailable } from '../../src/lib/worker/rpc';

type Listener = (e: { data?: unknown; preventDefault(): void }) => void;

/** A Worker stand-in: postMessage from the page reaches the handler serveRpc installed on `self`. */
class FakeWorker {
  static last: FakeWorker | null = null;
  listeners: Record<string, Listener[]> = {};
  inside: Listener[] = [];
  terminated = false;
  transfers: Transferable[][] = [];
  constructor() {
    FakeWorker.last = this;
    const scope = {
      addEventListener: (_t: string, f: Listener) => this.inside.push(f),
      postMessage: (m: unknown, t: Transferable[]) => {
        this.transfers.push(t);
        queueMicrotask(() => this.emit('message', m));
      },
    };
    vi.stubGlobal('self', scope);
  }
  addEventListener(type: string, f: Listener): void {
    (this.listeners[type] ??= []).push(f);
  }
  postMessage(m: unknown): void {
    if (this.terminated) return;
    queueMicrotask(() => this.inside.forEach((f) => f({ data: m, preventDefault() {} })));
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: string, data?: unknown): void {
    (this.listeners[type] ?? []).forEach((f) => f({ data, preventDefault() {} }));
  }
}

afterEach(() => vi.unstubAllGlobals());

function start(handler: (n: number) => { value: { twice: number; arr: Float64Array }; transfer?: Transferable[] }) {
  vi.stubGlobal('Worker', FakeWorker);
  const client = createRpcClient<number, { twice: number; arr: Float64Array }>(() => {
    const w = new FakeWorker();
    serveRpc(handler);
    return w as unknown as Worker;
  }, 'test');
  return { client: client!, worker: FakeWorker.last! };
}

describe('rpc', () => {
  it('answers each call with its own reply and transfers the buffers it is given', async () => {
    const { client, worker } = start((n) => {
      const arr = Float64Array.of(n, n);
      return { value: { twice: 2 * n, arr }, transfer: transferablesOf({ arr, same: arr.subarray(1) }) };
    });
    const [a, b] = await Promise.all([client.call(2), client.call(5)]);
    expect(a.twice).toBe(4);
    expect(b.twice).toBe(10);
    expect(worker.transfers.map((t) => t.length)).toEqual([1, 1]); // one buffer, listed once
  });

  it('rejects one call with the handler error message, and the channel keeps working', async () => {
    const { client } = start((n) => {
      if (n < 0) throw new Error('negative input');
      return { value: { twice: 2 * n, arr: new Float64Array(0) } };
    });
    await expect(client.call(-1)).rejects.toThrow('negative input');
    await expect(client.call(3)).resolves.toMatchObject({ twice: 6 });
  });

  it('a worker that fails rejects pending and later calls with WorkerUnavailable', async () => {
    const { client, worker } = start(() => ({ value: { twice: 0, arr: new Float64Array(0) } }));
    worker.inside = []; // the worker never answers
    const pending = client.call(1);
    worker.emit('error');
    await expect(pending).rejects.toBeInstanceOf(WorkerUnavailable);
    await expect(client.call(2)).rejects.toBeInstanceOf(WorkerUnavailable);
    expect(worker.terminated).toBe(true);
  });

  it('is null where there is no Worker', () => {
    vi.stubGlobal('Worker', undefined);
    expect(createRpcClient(() => ({}) as Worker, 'test')).toBeNull();
  });
});

/**
 * The "inside" of a fake module Worker for the chapter tests: the chapter's real handler behind the real
 * serveRpc (src/lib/worker/rpc.ts), so the fake speaks exactly the wire format the page sees
 * ({ id, payload } in, { id, ok, value | message } out). `deliver(data)` hands it a page message; its
 * replies go to `reply(data, transfer)`. `self` is swapped only while serveRpc installs its listener.
 */
import { serveRpc } from '../../src/lib/worker/rpc';

type Handler<Req, Res> = (payload: Req) => { value: Res; transfer?: Transferable[] };

export function rpcInside<Req, Res>(handler: Handler<Req, Res>, reply: (data: unknown, transfer: Transferable[]) => void): (data: unknown) => void {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const scope = { addEventListener: (_type: string, f: (e: { data: unknown }) => void) => listeners.push(f), postMessage: reply };
  const g = globalThis as { self?: unknown };
  const prev = Object.getOwnPropertyDescriptor(globalThis, 'self');
  Object.defineProperty(globalThis, 'self', { value: scope, configurable: true, writable: true });
  try {
    serveRpc(handler);
  } finally {
    if (prev) Object.defineProperty(globalThis, 'self', prev);
    else delete g.self;
  }
  return (data) => listeners.forEach((f) => f({ data }));
}

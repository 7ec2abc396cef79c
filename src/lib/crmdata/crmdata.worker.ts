/// <reference lib="webworker" />
/**
 * Module Web Worker of the CRM data-quality lab (lesson 08): company generation, the dirty export,
 * cleaning, value segmentation and the 52-week simulation run here, so a control change or the
 * task check costs the page only the DOM update. Started by crm-engine.ts; Vite bundles
 * `new Worker(new URL('./crmdata.worker.ts', import.meta.url), { type: 'module' })` as its own chunk.
 */
import type { CrmRequest } from './crm-protocol';
import { CrmHost } from './crm-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new CrmHost();

scope.addEventListener('message', (event: MessageEvent<CrmRequest>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
  const { reply, transfer } = host.handle(msg);
  scope.postMessage(reply, transfer);
});

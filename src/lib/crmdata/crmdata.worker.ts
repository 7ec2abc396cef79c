/// <reference lib="webworker" />
/**
 * Module Web Worker of the CRM data-quality lab (lesson 08): company generation, the dirty export,
 * cleaning, value segmentation and the 52-week simulation run here, so a control change or the
 * task check costs the page only the DOM update. Started by crm-engine.ts through src/lib/worker/rpc.ts.
 */
import { serveRpc } from '../worker/rpc';
import type { CrmBody, CrmOk, CrmRequest } from './crm-protocol';
import { CrmHost } from './crm-host';

const host = new CrmHost();

serveRpc<CrmBody, CrmOk>((body) => {
  const { reply, transfer } = host.handle({ ...body, id: 0 } as CrmRequest);
  if (!reply.ok) throw new Error(reply.message);
  return { value: reply, transfer };
});

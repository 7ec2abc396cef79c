/**
 * The CRM lab's engine side: answers one request (run, task check, CSV, company) from a model cache.
 * Pure TypeScript, no DOM: the worker (crmdata.worker.ts) wraps it, and the page's main-thread fallback
 * calls the same functions, so both give identical figures (test/chapters/crm/worker.test.ts).
 */
import type { Company } from '@sim/types';
import type { CrmReply, CrmRequest } from './crm-protocol';
import { ModelCache, computeSummary, csvFor } from './summary';

/** The distinct buffers of a company's customer columns (transferred, not copied). */
export function companyTransferables(company: Company): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of Object.values(company.customers)) {
    if (ArrayBuffer.isView(a) && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  }
  return [...out];
}

export class CrmHost {
  private readonly models = new ModelCache();

  handle(req: CrmRequest): { reply: CrmReply; transfer: Transferable[] } {
    try {
      switch (req.kind) {
        case 'run': {
          const { summary, error } = computeSummary(this.models, req.state, req.lang);
          return { reply: { id: req.id, ok: true, kind: 'run', summary, error }, transfer: [] };
        }
        case 'task':
          return { reply: { id: req.id, ok: true, kind: 'task', answer: this.models.get(req.state.seed).fewestSteps(req.state) }, transfer: [] };
        case 'csv': {
          const csv = csvFor(this.models.get(req.state.seed), req.state, req.lang);
          return { reply: { id: req.id, ok: true, kind: 'csv', csv }, transfer: [] };
        }
        case 'company': {
          // a copy: the model keeps its own company, the page gets the transferred buffers
          const company = structuredClone(this.models.get(req.seed).company);
          return { reply: { id: req.id, ok: true, kind: 'company', company }, transfer: companyTransferables(company) };
        }
        default:
          return { reply: { id: (req as { id: number }).id, ok: false, message: 'unknown request' }, transfer: [] };
      }
    } catch (e) {
      return { reply: { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) }, transfer: [] };
    }
  }
}

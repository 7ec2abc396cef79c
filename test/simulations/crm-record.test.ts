/** crmRecordAt: the one CRM row builder shared by the CSV export (toCrmRecords) and the CRM list view. */
import { describe, expect, it } from 'vitest';
import { EngineError, crmRecordAt, generateCompany, toCrmRecords } from '../../simulations/index';
import { nameKey } from '../../simulations/company/names';

const company = generateCompany(7, { customers: 60 });

describe('crmRecordAt', () => {
  it('is record i of toCrmRecords, with or without a precomputed name key', () => {
    const all = toCrmRecords(company, { includeArchetype: true });
    const key = nameKey(company.seed);
    for (const i of [0, 1, 31, 59]) {
      expect(crmRecordAt(company, i, { includeArchetype: true })).toEqual(all[i]);
      expect(crmRecordAt(company, i, { includeArchetype: true, nameKey: key })).toEqual(all[i]);
    }
  });

  it('adds the hidden archetype only when asked', () => {
    expect(crmRecordAt(company, 3)).not.toHaveProperty('archetype');
    expect(crmRecordAt(company, 3, { includeArchetype: true }).archetype?.en).toBe(company.archetypes[company.customers.archetype[3]].en);
  });

  it('copies label objects, so editing a record leaves the company untouched', () => {
    const rec = crmRecordAt(company, 0);
    const before = company.industries[company.customers.industry[0]].en;
    rec.industry.en = 'edited';
    rec.region.en = 'edited';
    expect(company.industries[company.customers.industry[0]].en).toBe(before);
    expect(crmRecordAt(company, 0).region.en).not.toBe('edited');
  });

  it.each([-1, 60, 1.5, Number.NaN])('rejects index %s with a clear error', (i) => {
    expect(() => crmRecordAt(company, i)).toThrow(EngineError);
    expect(() => crmRecordAt(company, i)).toThrow(/index.*0\.\.59/);
  });

  it('rejects a name key that is not a number', () => {
    expect(() => crmRecordAt(company, 0, { nameKey: Number.NaN })).toThrow(/options\.nameKey/);
  });
});

/**
 * Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions", Journal of Classification 2,
 * 193–218): agreement between two labellings of the same items, corrected for chance.
 *   ARI = (Σ_ij C(n_ij,2) − E) / (½[Σ_i C(a_i,2) + Σ_j C(b_j,2)] − E),
 *   E = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2),
 * where n_ij is the contingency table and a_i, b_j its row and column sums.
 * 1 = identical partitions (up to renaming), ≈ 0 = no better than random, can be slightly negative.
 */
import { EngineError } from '../errors';

const comb2 = (x: number) => (x * (x - 1)) / 2;

export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new EngineError('labels.length', b.length, `${n} (same length as the first labelling)`, 'does not match');
  if (n < 2) return 1;
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!Number.isInteger(x) || x < 0 || x > 65535) throw new EngineError(`labels[${i}]`, x, 'integer 0..65535');
    if (!Number.isInteger(y) || y < 0 || y > 65535) throw new EngineError(`labels[${i}]`, y, 'integer 0..65535');
    if (x >= ka) ka = x + 1;
    if (y >= kb) kb = y + 1;
  }
  const table = new Float64Array(ka * kb);
  const rows = new Float64Array(ka);
  const cols = new Float64Array(kb);
  for (let i = 0; i < n; i++) {
    table[a[i] * kb + b[i]]++;
    rows[a[i]]++;
    cols[b[i]]++;
  }
  let sumIJ = 0;
  for (let i = 0; i < table.length; i++) if (table[i] > 1) sumIJ += comb2(table[i]);
  let sumA = 0;
  for (let i = 0; i < ka; i++) sumA += comb2(rows[i]);
  let sumB = 0;
  for (let j = 0; j < kb; j++) sumB += comb2(cols[j]);
  const expected = (sumA * sumB) / comb2(n);
  const max = (sumA + sumB) / 2;
  // Both partitions trivial in the same way (all in one group, or all singletons): identical.
  if (max === expected) return 1;
  return (sumIJ - expected) / (max - expected);
}

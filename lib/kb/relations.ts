/**
 * Related entities by association strength, not raw counts: normalised pointwise mutual information over
 * documents, npmi(a, b) = log(p(a,b) / (p(a) p(b))) / -log p(a,b), in (0, 1] for pairs seen together more
 * often than chance. Raw co-occurrence ranks everything next to the most frequent names ("US", "Trump");
 * NPMI ranks what goes with this entity in particular.
 */
export interface RelationInput {
  /** Documents in the corpus. */
  documents: number;
  /** Documents that mention each entity, by entity number. */
  counts: readonly number[];
  /** Documents that mention both, keyed a * n + b with a < b. */
  pairs: ReadonlyMap<number, number>;
  /** Pairs seen together in fewer documents than this are chance. */
  minTogether: number;
  limit: number;
}

export function npmiRelations(o: RelationInput): Array<Array<{ other: number; weight: number }>> {
  const n = o.counts.length;
  const out: Array<Array<{ other: number; weight: number }>> = Array.from({ length: n }, () => []);
  for (const [key, together] of o.pairs) {
    if (together < o.minTogether) continue;
    const a = Math.floor(key / n);
    const b = key % n;
    // One pseudo-document without either keeps pairs found in every document of a tiny corpus meaningful.
    const total = o.documents + 1;
    const pab = together / total;
    const pa = (o.counts[a] ?? 0) / total;
    const pb = (o.counts[b] ?? 0) / total;
    // A pair in every document carries no information (-log p = 0).
    if (pab >= 1 || pa === 0 || pb === 0) continue;
    const npmi = Math.log(pab / (pa * pb)) / -Math.log(pab);
    if (!(npmi > 0)) continue;
    const weight = Math.round(npmi * 1000) / 1000;
    if (weight === 0) continue;
    out[a]?.push({ other: b, weight });
    out[b]?.push({ other: a, weight });
  }
  // Keep a relation only when it is in the top `limit` of both sides, so relations stay symmetric.
  const top = out.map((list) => list.sort((x, y) => y.weight - x.weight || x.other - y.other).slice(0, o.limit));
  const kept = top.map((list) => new Set(list.map((r) => r.other)));
  return top.map((list, a) => list.filter((r) => kept[r.other]?.has(a)));
}

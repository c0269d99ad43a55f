/** Group values by key, in input order (push, not copy: archives hold many thousand reports). */
export function groupBy<K, V>(values: Iterable<V>, keysOf: (v: V) => readonly K[]): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const v of values)
    for (const k of keysOf(v)) {
      const list = out.get(k);
      if (list) list.push(v);
      else out.set(k, [v]);
    }
  return out;
}


/** Grouping, apart from the content index so that the modules it imports can group too. */

/** `items` grouped by `keyOf`, in order of first appearance (Map.groupBy needs Node 21; Folio supports Node 20). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

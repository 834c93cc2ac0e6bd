/** The statistics the benchmarks and the timed e2e logs report: medians, and min–max beside them. */

/** The median of `values` (the mean of the middle two for an even count); `values` is not empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median, min and max of `values`, and the values themselves. */
export const summary = (values: readonly number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: [...values] });

export type Summary = ReturnType<typeof summary>;

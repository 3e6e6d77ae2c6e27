import quantile from '@stdlib/stats-base-dists-t-quantile';

// Student's t quantile to double precision. jStat's `studentt.inv` stopped at a tolerance of
// 1e-8 (1.7171443355 for 22 degrees of freedom against 1.7171443744), which moved half-widths
// above about €0.5 M by more than a cent; stdlib's is exact to about 1e-15.

/** Student's t quantile at probability p with df degrees of freedom (t(2) at 0.95 = 2.919986). */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new Error(`degrees of freedom must be positive, got ${df}`);
  return quantile(p, df);
}

/** The t of a two-sided 90 % interval. */
export function t90(df: number): number {
  return tQuantile(0.95, df);
}

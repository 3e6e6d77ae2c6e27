import { jStat } from 'jstat';

/** Student's t quantile at probability p with df degrees of freedom (t(2) at 0.95 = 2.919986). */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new Error(`degrees of freedom must be positive, got ${df}`);
  return jStat.studentt.inv(p, df);
}

/** The t of a two-sided 90 % interval. */
export function t90(df: number): number {
  return tQuantile(0.95, df);
}

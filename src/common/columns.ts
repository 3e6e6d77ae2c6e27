import type { ValueTransformer } from 'typeorm';

/**
 * bigint columns hold money in cents. PostgreSQL's driver returns bigint as a string; this
 * makes it a number on both databases (exact up to 2^53 cents, some 90 trillion euros).
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) =>
    value === null || value === undefined ? null : Number(value),
};

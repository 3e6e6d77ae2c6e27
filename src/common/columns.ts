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

/**
 * A percentage with one decimal (82.5) stored exactly as an integer of tenths (825): the app
 * reads and writes percentages, the database holds whole numbers.
 */
export const percentTenths: ValueTransformer = {
  to: (value: number | null | undefined) =>
    value === null || value === undefined ? value : Math.round(value * 10),
  from: (value: string | number | null) =>
    value === null || value === undefined ? null : Number(value) / 10,
};

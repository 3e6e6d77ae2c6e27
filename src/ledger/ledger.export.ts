import type { Ledger } from './ledger.types';

// The ledger as the JSON API and the command line give it: the same figures as the page, in
// contacts and euros (not rounded), with the months each sum covers. Pure.

export function ledgerJson(ledger: Ledger, computedAt = new Date()) {
  return {
    computedAt: computedAt.toISOString(),
    units: {
      contacts: 'contacts per month or summed over the months covered',
      euros: 'euros at finance’s cost per contact; null when a month has no rate',
      halfWidth: 'half-width of the 90 % interval of the organisation’s baseline',
      ratio: 'fraction (0.613 = 61.3 %)',
    },
    ...ledger,
  };
}

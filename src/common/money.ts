// Money is exact integer cents everywhere it is stored; euros only on the way in and out.

/**
 * Parses a euro amount as people type it — "1234.56", "1234,56", "1.234,56", "1 234,56",
 * "€ 12", "-5" — into exact cents, without passing through a float. Null when it is not one.
 */
export function parseEurosToCents(text: string): number | null {
  let value = text
    .trim()
    .replace(/^€\s*/, '')
    .replace(/[\s\u00a0]/g, '');
  if (!value) return null;
  const negative = value.startsWith('-');
  if (negative) value = value.slice(1);
  let whole: string;
  let fraction = '';
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(value)) {
    // Dutch: dots group thousands, a comma starts the cents.
    [whole, fraction = ''] = value.replace(/\./g, '').split(',');
  } else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(value)) {
    [whole, fraction = ''] = value.replace(/,/g, '').split('.');
  } else if (/^\d+([.,]\d{1,2})?$/.test(value)) {
    [whole, fraction = ''] = value.split(/[.,]/);
  } else {
    return null;
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** Cents as the plain decimal a form field shows: 123456 → "1234.56". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A number written the Dutch way for a form or a Dutch spreadsheet: 82.5 → "82,5"; none → "". */
export function decimalComma(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}

const EURO = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const EURO_WHOLE = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** Euros for display, Dutch style: € 1.234,56 (or whole euros for large totals). */
export function formatEuros(euros: number | null | undefined, whole = false): string {
  if (euros === null || euros === undefined || !Number.isFinite(euros)) return '—';
  return (whole ? EURO_WHOLE : EURO).format(euros);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return NUMBER.format(value);
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return PERCENT.format(ratio);
}

/** Euros rounded to the cent, for exports (null stays null). */
export function roundToCents(euros: number | null | undefined): number | null {
  return euros === null || euros === undefined ? null : Math.round(euros * 100) / 100;
}

import { currentLanguage, perLanguage } from '../i18n/language';
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

/** The language's number formats. */
const formatsOf = perLanguage((locale) => ({
  euro: new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }),
  euroWhole: new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }),
  number: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
  percent: new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }),
  /** At most 1 or 2 decimals. */
  decimal: [1, 2].map((digits) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })),
}));

/** Euros for display in the language's style: € 1.234,56 / €1,234.56 (or whole euros). */
export function formatEuros(euros: number | null | undefined, whole = false): string {
  if (euros === null || euros === undefined || !Number.isFinite(euros)) return '—';
  const formats = formatsOf();
  return (whole ? formats.euroWhole : formats.euro).format(euros);
}

/** 10400 → 10.400 / 10,400. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatsOf().number.format(value);
}

/**
 * 0.491 → 49,1 % / 49.1%: Dutch writes a space before the sign (a no-break one, so the two
 * never part), English none.
 */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const text = formatsOf().percent.format(ratio);
  return currentLanguage() === 'nl' ? text.replace(/\s?%$/, '\u00a0%') : text;
}

/** A figure with at most `digits` decimals in the language's style: 82,5 / 82.5. */
export function formatDecimal(value: number | null | undefined, digits: 1 | 2 = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatsOf().decimal[digits - 1].format(value);
}

/** A whole percentage as the language writes it: 40 → 40 % / 40%. */
export function formatWholePercent(percent: number): string {
  return formatPercent(percent / 100).replace(/[.,]0(?=\D*$)/, '');
}

/** Euros rounded to the cent, for exports (null stays null). */
export function roundToCents(euros: number | null | undefined): number | null {
  return euros === null || euros === undefined ? null : Math.round(euros * 100) / 100;
}

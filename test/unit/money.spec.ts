import {
  centsToInput,
  formatEuros,
  formatNumber,
  formatPercent,
  parseEurosToCents,
} from '../../src/common/money';
import { inLanguage } from '../../src/i18n/language';
import { formatMonth } from '../../src/common/months';
import { formatIsoDate } from '../../src/common/dates';

describe('parseEurosToCents', () => {
  it.each<[string, number | null]>([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['€ 12', 1200],
    ['0.1', 10],
    ['0,05', 5],
    ['-5', -500],
    ['3000', 300000],
    // 0.1 + 0.2 style float errors cannot happen: the digits are read, not multiplied.
    ['19.99', 1999],
    ['', null],
    ['abc', null],
    ['1.2.3', null],
    // Three digits after a dot can only be a Dutch thousands group (cents have two).
    ['12.345', 1234500],
    ['1,5,5', null],
  ])('%p → %p', (text, cents) => expect(parseEurosToCents(text)).toBe(cents));
});

describe('display', () => {
  it('writes euros, numbers, percentages, months and dates the Dutch way in Dutch', () =>
    inLanguage('nl', () => {
      expect(formatEuros(1234.5).replace(/\u00a0/g, ' ')).toBe('€ 1.234,50');
      expect(formatEuros(-8177.7).replace(/\u00a0/g, ' ')).toBe('€ -8.177,70');
      expect(formatEuros(1234567.8, true).replace(/\u00a0/g, ' ')).toBe('€ 1.234.568');
      expect(formatNumber(10400)).toBe('10.400');
      expect(formatPercent(0.49128)).toBe('49,1\u00a0%');
      expect(formatMonth('2026-01')).toBe('januari 2026');
      expect(formatIsoDate('2026-03-09')).toBe('9 mrt 2026');
    }));

  it('writes them the English way in English', () =>
    inLanguage('en', () => {
      expect(formatEuros(1234.5)).toBe('€1,234.50');
      expect(formatEuros(-8177.7)).toBe('-€8,177.70');
      expect(formatEuros(1234567.8, true)).toBe('€1,234,568');
      expect(formatNumber(10400)).toBe('10,400');
      expect(formatPercent(0.49128)).toBe('49.1%');
      expect(formatMonth('2026-01')).toBe('January 2026');
      expect(formatIsoDate('2026-03-09')).toBe('9 Mar 2026');
    }));

  it('writes nothing as a dash, and form values as plain decimals, in either language', () => {
    expect(formatEuros(null)).toBe('—');
    expect(centsToInput(123456)).toBe('1234.56');
    expect(centsToInput(-5)).toBe('-0.05');
  });
});

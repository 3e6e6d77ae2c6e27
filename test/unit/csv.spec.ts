import { safeFileName, toCsv } from '../../src/common/csv';

describe('CSV export', () => {
  it('neutralises spreadsheet formulas in text cells but keeps numbers as numbers', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['=HYPERLINK("x")', -12.5, '+31 20'],
          ['@SUM(A1)', 0, 'plain'],
          ['\tTab', null, '-x'],
        ],
      ),
    ).toBe('a,b,c\n"\'=HYPERLINK(""x"")",-12.5,\'+31 20\n\'@SUM(A1),0,plain\n\'\tTab,,\'-x\n');
  });

  it.each([
    ['whatsapp-movers-business-case.csv', 'whatsapp-movers-business-case.csv'],
    ['../../etc/passwd', '..-..-etc-passwd'],
    ['a"b\r\nc.csv', 'a-b-c.csv'],
    ['', 'export'],
  ])('safeFileName(%p) = %p', (name, safe) => expect(safeFileName(name)).toBe(safe));

  it('writes what Dutch Excel opens as columns and numbers: semicolons, decimal commas, CRLF, a BOM', () => {
    const csv = toCsv(
      ['pilot', 'net_eur'],
      [
        ['=cmd', -1234.5],
        ['Chat; the pilot', 0.25],
      ],
      'excel-nl',
    );
    expect(csv).toBe('\uFEFFpilot;net_eur\r\n\'=cmd;-1234,5\r\n"Chat; the pilot";0,25\r\n');
  });
});

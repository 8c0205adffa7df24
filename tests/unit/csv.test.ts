import { describe, expect, it } from 'vitest';
import { csvCell, csvFilename, csvRow, csvSeparator } from '../../lib/csv/csv';

describe('CSV escaping', () => {
  it('leaves plain cells alone', () => {
    expect(csvCell('PUBLISHED')).toBe('PUBLISHED');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(new Date('2017-03-15T09:00:00Z'))).toBe('2017-03-15T09:00:00.000Z');
    expect(csvCell('العربية 中文 한국어')).toBe('العربية 中文 한국어');
  });
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });
  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=1')).toBe('a=1');
  });
  it('ends rows with CRLF', () => {
    expect(csvRow(['x', '=1', 'a "b"', null])).toBe(`x,'=1,"a ""b""",\r\n`);
  });
});

describe('CSV variants', () => {
  it('writes the semicolon variant, quoting semicolons (and still commas) in cells', () => {
    expect(csvSeparator('semicolon')).toBe(';');
    expect(csvSeparator('comma')).toBe(',');
    expect(csvSeparator(null)).toBe(',');
    expect(csvRow(['a;b', 'c,d', 'e', '=1'], ';')).toBe(`"a;b";"c,d";e;'=1\r\n`);
  });
  it('names a file after its period', () => {
    expect(csvFilename('audit', { from: '2017-03-01', to: '2017-03-31' }, ',')).toBe('jesuisinternet-audit-2017-03-01-2017-03-31.csv');
    expect(csvFilename('contributions', { from: '2017-02-01', to: '2017-12-31' }, ';')).toBe('jesuisinternet-contributions-2017-02-01-2017-12-31-semicolon.csv');
    expect(csvFilename('audit', {}, ',')).toBe('jesuisinternet-audit-start-now.csv');
  });
});

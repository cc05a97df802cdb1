import { describe, expect, it } from 'vitest';
import { escapeSpreadsheetText } from './escape-spreadsheet-text.ts';

describe('escapeSpreadsheetText (OWASP ASVS 1.2.10)', () => {
  it('prefixes a single quote to text that starts with a formula character', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '\0'])
      expect(escapeSpreadsheetText(`${lead}HYPERLINK("http://x")`)).toBe(`'${lead}HYPERLINK("http://x")`);
    expect(escapeSpreadsheetText('=1+2')).toBe("'=1+2");
    expect(escapeSpreadsheetText('-5')).toBe("'-5");
  });
  it('leaves other text as it is, a formula character later in it too', () => {
    for (const s of ['Acme', 'a=b', ' =1', '', "'=already", 'Q4 +5 %', '1,2'])
      expect(escapeSpreadsheetText(s)).toBe(s);
  });
  it('keeps numbers numbers and null null', () => {
    expect(escapeSpreadsheetText(-0.25)).toBe(-0.25);
    expect(escapeSpreadsheetText(0)).toBe(0);
    expect(escapeSpreadsheetText(null)).toBeNull();
  });
});

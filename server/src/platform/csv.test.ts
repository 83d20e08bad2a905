import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSafeCell, csvWriter } from './csv.js';

const write = async (rows: string[][]) => {
  const out: string[] = [];
  const writer = csvWriter({ header: true, columns: ['a', 'b'] });
  writer.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  const done = new Promise((resolve) => writer.on('end', resolve));
  for (const row of rows) writer.write(row);
  writer.end();
  await done;
  return out.join('');
};

describe('CSV cells', () => {
  it('turns every cell a spreadsheet would run as a formula into text', () => {
    expect(csvSafeCell('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(csvSafeCell('+1+cmd|calc')).toBe(`'+1+cmd|calc`);
    expect(csvSafeCell('-2+3')).toBe(`'-2+3`);
    expect(csvSafeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvSafeCell('\t=1')).toBe(`'\t=1`);
    expect(csvSafeCell('\r=1')).toBe(`'\r=1`);
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string(), (first, rest) => {
        const cell = first + rest;
        if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(cell)) expect(csvSafeCell(cell)).toBe(`'${cell}`);
      }),
    );
  });

  it('leaves other text, and plain signed numbers such as phone numbers and credits, as they are', () => {
    for (const cell of ['Van Damme', '', "'quoted", '+32470200001', '-12.50', '+3', 'a=b', ' =1']) expect(csvSafeCell(cell)).toBe(cell);
    fc.assert(fc.property(fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)), (cell) => {
      expect(csvSafeCell(cell)).toBe(cell);
    }));
  });

  it('is applied by the CSV writer to every cell, quoted where CSV needs it', async () => {
    expect(await write([['=1+1', 'Sales'], ['+32470200001', '@x,y']])).toBe(`a,b\n'=1+1,Sales\n+32470200001,"'@x,y"\n`);
  });
});

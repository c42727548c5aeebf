// The dashboard's Excel download: a workbook a spreadsheet program reads back cell for cell, numbers as
// numbers, a suppressed cell as its text, the caption as the sheet's name within Excel's rules.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxOf } from '../src/pages/dashboard/xlsx.ts';

describe('xlsxOf', () => {
  it('writes the table as shown', async () => {
    const bytes = xlsxOf('等级分布: 各等级/企业数 [全国] 与占比的一张很长很长很长很长很长的表', ['等级', '企业数', '占比（%）'], [['一级', '6', '100.0'], ['二级', '不足 5 家', '—'], ['<&"> 一级', '12', '-3.5']], [false, true, true]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('等级分布  各等级 企业数  全国  与占比的一张很长很长很长'.slice(0, 31).trim());
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['等级', '企业数', '占比（%）'],
      ['一级', 6, 100],
      ['二级', '不足 5 家', '—'],
      ['<&"> 一级', 12, -3.5],
    ]);
  });
});

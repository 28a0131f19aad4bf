import ExcelJS from 'exceljs';
import type { BoardTable } from '@indgang/domain';

/**
 * A table as CSV the way Danish Excel opens it: UTF-8 with a byte-order mark, semicolons, every
 * text quoted and a leading =, +, - or @ neutralised so no cell is read as a formula.
 */
export function tableCsv(table: BoardTable): string {
  const cell = (value: string | number | null) => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = [table.columns.map(cell), ...table.rows.map((row) => row.map(cell))].map((r) => r.join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A table as an Excel workbook: one sheet, bold headings, numbers as numbers. */
export async function tableWorkbook(table: BoardTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

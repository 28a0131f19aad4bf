import ExcelJS from 'exceljs';
import { DomainError } from '@indgang/domain';
import type { BusinessCaseInput, BusinessCaseResult, LineArea, LineKind } from '@indgang/schemas';

const AREA_LABEL: Record<LineArea, string> = { service: 'Service', capital: 'Anlæg' };
const HEADINGS = {
  permanent: 'Varige ændringer',
  permanentTotal: 'Samlet varig ændring',
  implementation: 'Implementeringsomkostninger',
  implementationTotal: 'Samlede implementeringsomkostninger',
  total: 'Samlet økonomisk påvirkning',
  cumulative: 'Akkumuleret økonomisk påvirkning',
  payback: 'Tilbagebetalingstid (år)',
};
const NUMBER_FORMAT = '#,##0;-#,##0;0';

/**
 * The business case as a workbook laid out like the municipal tables: "1.000 kr. <year> p/l",
 * steering area, one column per year; computed rows as formulas (with their values), committees
 * on a second sheet. `readBusinessCaseWorkbook` reads the same layout back.
 */
export async function writeBusinessCaseWorkbook(
  input: BusinessCaseInput,
  result: BusinessCaseResult,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Indgang';
  const sheet = workbook.addWorksheet('Business case');
  const n = result.years.length;
  const col = (j: number) => sheet.getColumn(3 + j).letter;
  sheet.addRow([input.title]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const header = sheet.addRow([`1.000 kr. ${input.priceLevel} p/l`, 'Styringsområde', ...result.years]);
  header.font = { bold: true };
  const section = (kind: LineKind, heading: string, totalLabel: string) => {
    sheet.addRow([heading]).font = { bold: true };
    const first = sheet.rowCount + 1;
    for (const line of result.lines.filter((l) => l.kind === kind)) {
      const row = sheet.addRow([line.label, AREA_LABEL[line.area], ...line.amounts]);
      row.getCell(1).alignment = { indent: 1 };
    }
    const last = sheet.rowCount;
    const totals = kind === 'permanent' ? result.permanentTotal : result.implementationTotal;
    const row = sheet.addRow([
      totalLabel,
      '',
      ...totals.map((value, j) => ({
        formula: last >= first ? `SUM(${col(j)}${first}:${col(j)}${last})` : '0',
        result: value,
      })),
    ]);
    row.font = { bold: true };
    return row.number;
  };
  const permanentRow = section('permanent', HEADINGS.permanent, HEADINGS.permanentTotal);
  const implementationRow = section('implementation', HEADINGS.implementation, HEADINGS.implementationTotal);
  const totalRow = sheet.addRow([
    HEADINGS.total,
    '',
    ...result.total.map((value, j) => ({
      formula: `${col(j)}${permanentRow}+${col(j)}${implementationRow}`,
      result: value,
    })),
  ]);
  totalRow.font = { bold: true };
  sheet.addRow([
    HEADINGS.cumulative,
    '',
    ...result.cumulative.map((value, j) => ({
      formula:
        j === 0
          ? `${col(0)}${totalRow.number}`
          : `${col(j - 1)}${totalRow.number + 1}+${col(j)}${totalRow.number}`,
      result: value,
    })),
  ]);
  sheet.addRow([HEADINGS.payback, '', result.paybackYears ?? 'Aldrig']);
  sheet.getColumn(1).width = 60;
  sheet.getColumn(2).width = 16;
  for (let j = 0; j < n; j += 1) {
    sheet.getColumn(3 + j).width = 12;
    sheet.getColumn(3 + j).numFmt = NUMBER_FORMAT;
  }
  const committees = workbook.addWorksheet('Fordeling på udvalg');
  committees.addRow(['Udvalg', 'Fordelingsnøgle (%)', ...result.years]).font = { bold: true };
  for (const c of result.committees) committees.addRow([c.name, c.keyPercent, ...c.total]);
  committees.getColumn(1).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const invalid = (da: string, en: string) => new DomainError('invalid', 'workbook_invalid', { da, en });

const cellValue = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value;
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  if (v && typeof v === 'object' && 'richText' in v)
    return (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('');
  return v;
};

/** Reads a business case workbook in the layout `writeBusinessCaseWorkbook` writes (and finance keeps). */
export async function readBusinessCaseWorkbook(content: Buffer): Promise<BusinessCaseInput> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw invalid('Filen er ikke et Excel-regneark (.xlsx).', 'The file is not an Excel workbook (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('Regnearket har ingen ark.', 'The workbook has no sheets.');
  const text = (row: number, col: number) => String(cellValue(sheet.getRow(row).getCell(col)) ?? '').trim();
  let headerRow = 0;
  sheet.eachRow((row, number) => {
    if (!headerRow && /^1\.000 kr\.?\s+\d{4}\s*p\/l/i.test(String(cellValue(row.getCell(1)) ?? '').trim()))
      headerRow = number;
  });
  if (!headerRow)
    throw invalid(
      'Fandt ikke overskriften "1.000 kr. <år> p/l" i kolonne A.',
      'Could not find the heading "1.000 kr. <year> p/l" in column A.',
    );
  const priceLevel = Number(/(\d{4})/.exec(text(headerRow, 1))![1]);
  const years: number[] = [];
  for (let c = 3; c < 3 + 30; c += 1) {
    const y = Number(text(headerRow, c));
    if (!Number.isInteger(y) || y < 1990) break;
    years.push(y);
  }
  if (years.length === 0)
    throw invalid(
      `Række ${headerRow}: ingen årstal fra kolonne C.`,
      `Row ${headerRow}: no years from column C.`,
    );
  const title = text(1, 1) || 'Business case';
  const lines: BusinessCaseInput['lines'] = [];
  let kind: LineKind | null = null;
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const label = text(r, 1);
    if (label === HEADINGS.permanent) {
      kind = 'permanent';
      continue;
    }
    if (label === HEADINGS.implementation) {
      kind = 'implementation';
      continue;
    }
    if (label === HEADINGS.permanentTotal || label === HEADINGS.implementationTotal) {
      kind = null;
      continue;
    }
    if (label === HEADINGS.total) break;
    if (!kind || !label) continue;
    const areaText = text(r, 2).toLowerCase();
    const area: LineArea = areaText === 'anlæg' || areaText === 'capital' ? 'capital' : 'service';
    lines.push({
      label,
      kind,
      area,
      amounts: years.map((_, j) => {
        const v = cellValue(sheet.getRow(r).getCell(3 + j));
        return v === null || v === undefined || v === '' ? 0 : (v as number | string);
      }),
    });
  }
  const committees: NonNullable<BusinessCaseInput['committees']> = [];
  const second = workbook.worksheets[1];
  second?.eachRow((row, number) => {
    if (number === 1) return;
    const name = String(cellValue(row.getCell(1)) ?? '').trim();
    if (name) committees.push({ name, keyPercent: cellValue(row.getCell(2)) as number });
  });
  return { title, priceLevel, firstYear: years[0]!, lines, ...(committees.length > 0 ? { committees } : {}) };
}

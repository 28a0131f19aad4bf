import ExcelJS from 'exceljs';
import { DomainError, type WorkbookOrigin } from '@indgang/domain';
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

/** A hidden sheet saying which project and which saved version the workbook was written from. */
const ORIGIN_SHEET = 'Indgang';

/**
 * The business case as a workbook laid out like the municipal tables: "1.000 kr. <year> p/l",
 * steering area, one column per year; computed rows as formulas (with their values), committees
 * on a second sheet, and on a hidden sheet the project and version it was written from.
 * `readBusinessCaseWorkbook` reads the same layout back.
 */
export async function writeBusinessCaseWorkbook(
  input: BusinessCaseInput,
  result: BusinessCaseResult,
  origin: WorkbookOrigin,
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
  const originSheet = workbook.addWorksheet(ORIGIN_SHEET, { state: 'veryHidden' });
  originSheet.addRow(['project', origin.projectId]);
  originSheet.addRow(['version', origin.version]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const invalid = (da: string, en: string) => new DomainError('invalid', 'workbook_invalid', { da, en });

/**
 * What a cell shows: a formula's result, a hyperlink's or rich text's text. An error value
 * (#REF!, #DIV/0!) is refused naming the cell, never read as "[object Object]".
 */
function cellValue(cell: ExcelJS.Cell): string | number | boolean | null {
  const shown = (v: ExcelJS.CellValue | undefined): string | number | boolean | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('error' in v) {
      throw invalid(
        `Celle ${cell.address} indeholder fejlen ${v.error}. Ret den, og indlæs regnearket igen.`,
        `Cell ${cell.address} holds the error ${v.error}. Correct it and upload the workbook again.`,
      );
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('hyperlink' in v) return shown(v.text as ExcelJS.CellValue);
    if ('result' in v) return shown(v.result as ExcelJS.CellValue);
    return null;
  };
  return shown(cell.value);
}

/**
 * Reads a business case workbook in the layout `writeBusinessCaseWorkbook` writes (and finance
 * keeps), with where it came from when Indgang wrote it (null for a workbook made elsewhere).
 */
export async function readBusinessCaseWorkbook(
  content: Buffer,
): Promise<{ data: BusinessCaseInput; origin: WorkbookOrigin | null }> {
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
        return v === null || v === '' ? 0 : typeof v === 'boolean' ? String(v) : v;
      }),
    });
  }
  const committees: NonNullable<BusinessCaseInput['committees']> = [];
  const second = workbook.worksheets[1];
  second?.eachRow((row, number) => {
    if (number === 1) return;
    const name = String(cellValue(row.getCell(1)) ?? '').trim();
    const key = cellValue(row.getCell(2));
    if (name)
      committees.push({ name, keyPercent: typeof key === 'boolean' || key === null ? String(key) : key });
  });
  const originSheet = workbook.getWorksheet(ORIGIN_SHEET);
  const projectId = originSheet ? cellValue(originSheet.getRow(1).getCell(2)) : null;
  const version = originSheet ? cellValue(originSheet.getRow(2).getCell(2)) : null;
  return {
    data: {
      title,
      priceLevel,
      firstYear: years[0]!,
      lines,
      ...(committees.length > 0 ? { committees } : {}),
    },
    origin: typeof projectId === 'string' && typeof version === 'number' ? { projectId, version } : null,
  };
}

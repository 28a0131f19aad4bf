import { isCalendarDate } from '@indgang/schemas';
import type { FieldError, LocalizedText } from '../errors/DomainError';
import { UNIT_KINDS, type OrgDataset, type PersonRecord, type UnitKind } from './OrgDataset';
import type { ImportField, SourceField, SourceRecord } from './readOrgFile';

export interface BuildResult {
  dataset: OrgDataset;
  errors: FieldError[];
}

const ID = /^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CPR = /^\d{6}-?\d{4}$/;

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((u) => typeof u === 'string');

/**
 * Validates every record of an import file and assembles the organisation it describes.
 * `existingUnits` are the units already in the database with their parents: rows may refer to
 * them, and a row that moves one of them must not make it its own ancestor through the others.
 */
export function buildOrgDataset(
  records: SourceRecord[],
  existingUnits: ReadonlyMap<string, string | null>,
): BuildResult {
  const errors: FieldError[] = [];
  const fail = (f: SourceField, message: LocalizedText) => errors.push({ ...f.at, message });
  const text = (r: SourceRecord, field: ImportField, required: boolean, max = 200): string | null => {
    const f = r.get(field);
    if (f.value === undefined || f.value === null || f.value === '') {
      if (required) fail(f, { da: 'Feltet skal udfyldes.', en: 'This field is required.' });
      return null;
    }
    if (typeof f.value !== 'string' && typeof f.value !== 'number') {
      fail(f, { da: 'Feltet skal være tekst.', en: 'This field must be text.' });
      return null;
    }
    const value = String(f.value).trim();
    if (value.length > max) {
      fail(f, { da: `Højst ${max} tegn.`, en: `At most ${max} characters.` });
      return null;
    }
    return value;
  };
  const id = (r: SourceRecord, field: ImportField, required: boolean) => {
    const value = text(r, field, required, 64);
    if (value !== null && !ID.test(value)) {
      fail(r.get(field), {
        da: 'Ugyldigt id: brug bogstaver, tal, punktum, bindestreg eller understreg.',
        en: 'Invalid id: use letters, digits, dot, hyphen or underscore.',
      });
      return null;
    }
    return value;
  };
  const date = (r: SourceRecord, field: ImportField, required: boolean) => {
    const value = text(r, field, required, 10);
    if (value === null) return null;
    if (!isCalendarDate(value)) {
      fail(r.get(field), {
        da: `"${value}" er ikke en gyldig dato (ÅÅÅÅ-MM-DD).`,
        en: `"${value}" is not a valid date (YYYY-MM-DD).`,
      });
      return null;
    }
    return value;
  };

  const units = new Map<string, OrgDataset['units'][number]>();
  const unitRows = new Map<string, SourceRecord>();
  for (const r of records.filter((rec) => rec.kind === 'unit')) {
    const unitId = id(r, 'unitId', true);
    const parentId = id(r, 'parentUnitId', false);
    const name = text(r, 'unitName', true);
    const kind = text(r, 'unitKind', true, 40);
    const code = text(r, 'unitCode', false, 40);
    if (kind !== null && !(UNIT_KINDS as readonly string[]).includes(kind)) {
      fail(r.get('unitKind'), {
        da: `Ukendt enhedstype "${kind}". Gyldige: ${UNIT_KINDS.join(', ')}.`,
        en: `Unknown unit kind "${kind}". Valid: ${UNIT_KINDS.join(', ')}.`,
      });
    }
    if (unitId && units.has(unitId)) {
      fail(r.get('unitId'), {
        da: `Enheden ${unitId} står to gange i filen.`,
        en: `Unit ${unitId} appears twice in the file.`,
      });
      continue;
    }
    // Kept even with a bad kind, so its parent is checked too; any error stops the write anyway.
    if (unitId && name && kind) {
      units.set(unitId, { id: unitId, parentId, name, kind: kind as UnitKind, code });
      unitRows.set(unitId, r);
    }
  }
  const unitKnown = (unitId: string) => units.has(unitId) || existingUnits.has(unitId);
  // A unit's parent after the import: the file's row for it, else the database's.
  const parentOf = (unitId: string) =>
    units.has(unitId) ? units.get(unitId)!.parentId : (existingUnits.get(unitId) ?? null);
  for (const [unitId, unit] of units) {
    const r = unitRows.get(unitId) as SourceRecord;
    if (unit.parentId && !unitKnown(unit.parentId))
      fail(r.get('parentUnitId'), {
        da: `Overordnet enhed ${unit.parentId} findes ikke.`,
        en: `Parent unit ${unit.parentId} does not exist.`,
      });
    const ring = [unitId];
    for (let p = unit.parentId; p; p = parentOf(p)) {
      if (p === unitId) {
        const rows = ring.filter((id) => unitRows.has(id)).map((id) => `${id} (${unitRows.get(id)!.row})`);
        fail(r.get('parentUnitId'), {
          da: `Enhederne danner en ring af overordnede: ${[...ring, unitId].join(' → ')}. Rækker i filen: ${rows.join(', ')}.`,
          en: `The units form a cycle of parents: ${[...ring, unitId].join(' → ')}. Rows in the file: ${rows.join(', ')}.`,
        });
        break;
      }
      if (ring.includes(p) || ring.length > 10_000) break; // a ring not through this unit: reported at its own units
      ring.push(p);
    }
  }

  const people = new Map<string, PersonRecord>();
  for (const r of records.filter((rec) => rec.kind === 'affiliation')) {
    const employeeNumber = id(r, 'employeeNumber', true);
    const firstName = text(r, 'firstName', true, 100);
    const lastName = text(r, 'lastName', true, 100);
    const email = text(r, 'email', false, 254);
    if (email && !EMAIL.test(email))
      fail(r.get('email'), {
        da: `"${email}" er ikke en gyldig e-mailadresse.`,
        en: `"${email}" is not a valid e-mail address.`,
      });
    const cpr = text(r, 'cpr', false, 11);
    if (cpr && !CPR.test(cpr))
      fail(r.get('cpr'), {
        da: 'CPR-nummeret skal have formen DDMMÅÅ-NNNN.',
        en: 'The CPR number must look like DDMMYY-NNNN.',
      });
    const unitId = id(r, 'unitId', true);
    if (unitId && !unitKnown(unitId))
      fail(r.get('unitId'), { da: `Enheden ${unitId} findes ikke.`, en: `Unit ${unitId} does not exist.` });
    const position = text(r, 'position', true, 100);
    const agreement = text(r, 'agreement', true, 100);
    const hoursText = text(r, 'weeklyHours', true, 6);
    const hours = hoursText === null ? NaN : Number(hoursText.replace(',', '.'));
    if (hoursText !== null && (!/^\d{1,2}([.,]\d{1,2})?$/.test(hoursText) || hours <= 0 || hours > 48)) {
      fail(r.get('weeklyHours'), {
        da: 'Ugentlige timer skal være et tal over 0 og højst 48 (fx 37 eller 32,5).',
        en: 'Weekly hours must be a number above 0 and at most 48 (e.g. 37 or 32.5).',
      });
    }
    const startDate = date(r, 'startDate', true);
    const endDate = date(r, 'endDate', false);
    const seniorityDate = date(r, 'seniorityDate', false);
    if (startDate && endDate && endDate < startDate)
      fail(r.get('endDate'), {
        da: 'Slutdatoen ligger før startdatoen.',
        en: 'The end date is before the start date.',
      });
    const managerOfField = r.get('managerOf');
    const managerOf = managerOfField.value === undefined ? [] : managerOfField.value;
    const ledUnits = isIdList(managerOf) ? managerOf : null;
    if (!ledUnits) {
      fail(managerOfField, {
        da: "Leder af skal være en liste af enheds-id'er.",
        en: 'Manager of must be a list of unit ids.',
      });
    } else {
      for (const u of ledUnits)
        if (!unitKnown(u))
          fail(managerOfField, { da: `Enheden ${u} findes ikke.`, en: `Unit ${u} does not exist.` });
    }
    if (
      !employeeNumber ||
      !firstName ||
      !lastName ||
      !unitId ||
      !position ||
      !agreement ||
      !startDate ||
      Number.isNaN(hours)
    )
      continue;
    const existing = people.get(employeeNumber);
    if (existing && (existing.firstName !== firstName || existing.lastName !== lastName)) {
      fail(r.get('firstName'), {
        da: `Medarbejdernummer ${employeeNumber} har to forskellige navne i filen.`,
        en: `Employee number ${employeeNumber} has two different names in the file.`,
      });
      continue;
    }
    const person = existing ?? {
      employeeNumber,
      firstName,
      lastName,
      email,
      cpr,
      cprIsTestData: false,
      affiliations: [],
      managerOf: [],
    };
    person.affiliations.push({
      unitId,
      position,
      agreement,
      weeklyHoursCenti: Math.round(hours * 100),
      seniorityDate,
      startDate,
      endDate,
    });
    // (With a malformed list the file has an error, and the dataset is not loaded.)
    if (ledUnits) for (const u of ledUnits) if (!person.managerOf.includes(u)) person.managerOf.push(u);
    people.set(employeeNumber, person);
  }
  return { dataset: { units: [...units.values()], people: [...people.values()] }, errors };
}

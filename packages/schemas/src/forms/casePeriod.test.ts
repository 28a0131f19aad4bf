import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { casePeriod, duplicateByItems, periodItems, sameItem } from './casePeriod';
import { ZServiceDefinition } from './ServiceDefinition';

const service = (id: string) =>
  ZServiceDefinition.parse(
    JSON.parse(readFileSync(new URL(`../../../../catalog/services/${id}.json`, import.meta.url), 'utf8')),
  );
const mileage = service('koerselsgodtgoerelse');
const absence = service('fravaer');

const trip = (date: string, from = 'Skolen', to = 'Rådhuset', km = 12) => ({
  date,
  from,
  to,
  km,
  purpose: 'Møde',
});

describe('the period of a case', () => {
  it('spans the earliest to the latest item of a repeated section', () => {
    const answers = { trips: [trip('2026-11-20'), trip('2026-11-03'), trip('2026-11-12')] };
    expect(casePeriod(mileage, answers)).toEqual({ from: '2026-11-03', to: '2026-11-20' });
    expect(periodItems(mileage, answers).map((i) => i.index)).toEqual([0, 1, 2]);
  });

  it('is the from and to of a plain section, to defaulting to from', () => {
    expect(casePeriod(absence, { absence: { from: '2026-11-01', to: '2026-11-05' } })).toEqual({
      from: '2026-11-01',
      to: '2026-11-05',
    });
    expect(casePeriod(absence, { absence: { from: '2026-11-01', to: null } })).toEqual({
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(casePeriod(absence, { absence: {} })).toEqual({ from: null, to: null });
  });
});

describe('sameItem', () => {
  it('is told by items for mileage, by the whole period for absence', () => {
    expect(duplicateByItems(mileage)).toBe(true);
    expect(duplicateByItems(absence)).toBe(false);
  });

  it('finds the same trip sent again, whatever its place and the spelling of its places', () => {
    const first = { trips: [trip('2026-11-03'), trip('2026-11-04', 'Skolen', 'Hallen', 5)] };
    const again = {
      trips: [trip('2026-11-10', 'Hjem', 'Kursus'), trip('2026-11-04', ' skolen ', 'HALLEN', 5)],
    };
    expect(sameItem(mileage, again, first)).toMatchObject({ index: 1, from: '2026-11-04' });
  });

  it('does not take another trip in the same period for the same one', () => {
    const first = { trips: [trip('2026-11-03'), trip('2026-11-20')] };
    expect(sameItem(mileage, { trips: [trip('2026-11-10')] }, first)).toBeNull();
    expect(sameItem(mileage, { trips: [trip('2026-11-03', 'Skolen', 'Kursus')] }, first)).toBeNull();
  });
});

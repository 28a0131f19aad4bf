import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnswers, ZServiceDefinition, type Persona } from '@indgang/schemas';
import { inFormOrder, locateError } from './formErrors';

const service = (id: string) =>
  ZServiceDefinition.parse(
    JSON.parse(readFileSync(new URL(`../../../../../catalog/services/${id}.json`, import.meta.url), 'utf8')),
  );
const leader: Persona = { roles: ['leader'], administration: 'BUF', experience: 'new', frequency: 'rare' };
const m = { da: 'x', en: 'x' };

describe('locateError', () => {
  const mileage = service('koerselsgodtgoerelse');
  const hire = service('ansaettelse');

  it('names the trip and the field of an empty submit, and points each line at its input', () => {
    const { errors } = validateAnswers(mileage, { trips: [{}, {}] }, leader, { requireDocuments: true });
    const located = errors.map((e) => locateError(mileage, e));
    expect(located.map((l) => `${l?.item?.number} ${JSON.stringify(l?.label)} ${l?.targetId}`)).toContain(
      '2 {"da":"Dato","en":"Date"} f-trips-1--date',
    );
    expect(located.every((l) => l !== null)).toBe(true);
  });

  it('places a missing document at its file field, and a radio error at its first choice', () => {
    const { errors } = validateAnswers(hire, { person: { nationality: 'other' } }, leader, {
      requireDocuments: true,
    });
    const permit = errors.find((e) => e.path === 'documents.work-permit')!;
    expect(locateError(hire, permit)).toMatchObject({
      path: 'documents.workPermit',
      targetId: 'f-documents-workPermit',
    });
    const form = errors.find((e) => e.path === 'position.employmentForm')!;
    expect(locateError(hire, form)?.targetId).toBe('f-position-employmentForm-overenskomst');
  });

  it('places a server error that names a field by its id, and a section error at its section', () => {
    expect(locateError(hire, { path: 'unit', field: 'unit', message: m })).toMatchObject({
      path: 'position.unit',
      targetId: 'f-position-unit',
    });
    expect(locateError(mileage, { path: 'trips', field: 'trips', message: m })).toMatchObject({
      targetId: 's-trips',
      label: { da: 'Ture', en: 'Trips' },
    });
    expect(locateError(mileage, { path: 'nowhere', field: 'nowhere', message: m })).toBeNull();
  });

  it('points a person field at its search box', () => {
    const change = service('loen-aendring');
    const { errors } = validateAnswers(change, {}, leader, { requireDocuments: true });
    expect(
      locateError(
        change,
        errors.find((e) => e.path === 'change.person')!,
      )?.targetId,
    ).toBe('f-change-person-search');
  });

  it('orders the errors as their fields stand in the form: sections, then items, then fields', () => {
    const { errors } = validateAnswers(
      hire,
      { certificates: { worksWithChildren: 'yes' }, person: { cpr: '013490-1234', nationality: 'other' } },
      leader,
      { requireDocuments: true, testCpr: true },
    );
    const ordered = inFormOrder(
      hire,
      errors.map((error) => ({ error, located: locateError(hire, error) })),
    ).map((e) => e.located?.path);
    // The engine lists the documents after the fields; in the form they stand at their file fields.
    expect(errors.map((e) => e.path).slice(-2)).toEqual(['documents.education', 'documents.work-permit']);
    expect(ordered[0]).toBe('person.cpr');
    expect(ordered.indexOf('certificates.youngestChildAge')).toBeLessThan(
      ordered.indexOf('documents.education'),
    );
    expect(ordered.slice(-2)).toEqual(['documents.education', 'documents.workPermit']);

    const { errors: trips } = validateAnswers(mileage, { trips: [{}, { km: '3' }] }, leader, {
      requireDocuments: true,
    });
    const tripOrder = inFormOrder(
      mileage,
      [...trips].reverse().map((error) => ({ error, located: locateError(mileage, error) })),
    ).map((e) => e.located?.path);
    expect(tripOrder.slice(0, 2)).toEqual(['trips[0].date', 'trips[0].from']);
    expect(tripOrder.at(-1)).toBe('trips[1].purpose');
  });
});

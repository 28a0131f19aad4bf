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
    const { errors } = validateAnswers(hire, { certificates: { worksWithChildren: 'yes' } }, leader, {
      requireDocuments: true,
    });
    const consent = errors.find((e) => e.path === 'documents.child-consent')!;
    expect(locateError(hire, consent)).toMatchObject({
      path: 'certificates.childConsent',
      targetId: 'f-certificates-childConsent',
    });
    const nationality = errors.find((e) => e.path === 'person.nationality')!;
    expect(locateError(hire, nationality)?.targetId).toBe('f-person-nationality-dk');
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
      { certificates: { worksWithChildren: 'yes' }, person: { cpr: '013490-1234' } },
      leader,
      { requireDocuments: true, testCpr: true },
    );
    const ordered = inFormOrder(
      hire,
      errors.map((error) => ({ error, located: locateError(hire, error) })),
    ).map((e) => e.located?.path);
    // The engine lists the documents in the order of the requirements: education before consent.
    expect(errors.map((e) => e.path).slice(-2)).toEqual(['documents.education', 'documents.child-consent']);
    expect(ordered.indexOf('person.cpr')).toBeLessThan(ordered.indexOf('certificates.childConsent'));
    expect(ordered.slice(-2)).toEqual(['certificates.childConsent', 'documents.education']);

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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnswers, ZServiceDefinition, type Persona } from '@indgang/schemas';
import { locateError } from './formErrors';

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
});

import { describe, expect, it } from 'vitest';
import type { TServiceDefinition } from '@indgang/schemas';
import { personByCpr } from './personByCpr';

const label = { da: 'Felt', en: 'Field' };
const service = (fields: Array<Record<string, unknown>>) =>
  ({
    sections: [
      { id: 'order', title: label, fields: [{ id: 'kind', type: 'radio', label }] },
      { id: 'hire', title: label, fields },
    ],
  }) as unknown as TServiceDefinition;

describe('the person a case names by CPR number', () => {
  it('reads the CPR answer and the name from the fields CPR fills, with where the number is', () => {
    const def = service([
      { id: 'cpr', type: 'cpr', label },
      { id: 'given', type: 'text', label, prefill: 'cpr.firstName' },
      { id: 'family', type: 'text', label, prefill: 'cpr.lastName' },
    ]);
    expect(
      personByCpr(def, {
        order: { kind: 'child' },
        hire: { cpr: '000190-0311', given: ' Anne Marie ', family: 'Hansen' },
      }),
    ).toEqual({
      section: 'hire',
      field: 'cpr',
      cpr: '000190-0311',
      firstName: 'Anne Marie',
      lastName: 'Hansen',
    });
  });

  it('splits a whole name at its last space when the form has one name field', () => {
    const def = service([
      { id: 'number', type: 'cpr', label },
      { id: 'name', type: 'text', label, prefill: 'cpr.name' },
    ]);
    expect(personByCpr(def, { hire: { number: '000190-0311', name: 'Anne Marie Hansen' } })).toMatchObject({
      field: 'number',
      firstName: 'Anne Marie',
      lastName: 'Hansen',
    });
  });

  it('is null when the answers hold no CPR number (an employee picked from the organisation)', () => {
    const def = service([{ id: 'cpr', type: 'cpr', label }]);
    expect(personByCpr(def, { order: { kind: 'child' } })).toBeNull();
    expect(personByCpr(def, { hire: { cpr: '' } })).toBeNull();
  });
});

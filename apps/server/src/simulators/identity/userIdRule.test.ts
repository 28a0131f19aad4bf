import { describe, expect, it } from 'vitest';
import { userIdFor } from './userIdRule';

describe("Eksempel Kommune's rule for user ids", () => {
  it('takes two letters of the first name and of the last name, and the lowest free number', () => {
    const taken = new Set(['mani01', 'mani02']);
    expect(userIdFor('Mathilde Krogh', 'Nielsen', (id) => taken.has(id))).toBe('mani03');
    expect(userIdFor('Oliver', 'Bach Sørensen', () => false)).toBe('olso01');
  });

  it('spells æ, ø and å out, drops accents, and pads a short name', () => {
    expect(userIdFor('Ærø', 'Åby', () => false)).toBe('aeaa01');
    expect(userIdFor('Øjvind', 'Nørgård', () => false)).toBe('oeno01');
    expect(userIdFor('Zoë', 'Li', () => false)).toBe('zoli01');
    expect(userIdFor('O', 'Ek', () => false)).toBe('oxek01');
  });

  it('goes to three digits when 99 are taken', () => {
    expect(userIdFor('Anne', 'Jensen', (id) => /^anje\d{2}$/.test(id))).toBe('anje100');
  });
});

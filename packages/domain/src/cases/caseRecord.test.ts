import { describe, expect, it } from 'vitest';
import type { TServiceDefinition } from '@indgang/schemas';
import { readCaseRecord } from './caseRecord';

/** A transaction that answers the record's three reads in order: the case, the caseworker's outcome, names. */
const answering = (...results: unknown[][]) => {
  let call = 0;
  return { execute: async () => ({ rows: results[call++] ?? [] }) } as never;
};

const service = {
  name: { da: 'Ansættelse', en: 'Hiring' },
  outcomes: [{ id: 'hired', label: { da: 'Ansat', en: 'Hired' } }],
  sections: [
    {
      id: 'hire',
      title: { da: 'Den nye medarbejder', en: 'The new employee' },
      fields: [
        { id: 'cpr', type: 'cpr', label: { da: 'CPR-nummer', en: 'CPR number' } },
        { id: 'health', type: 'textarea', sensitive: true, label: { da: 'Helbred', en: 'Health' } },
        { id: 'unit', type: 'unit', label: { da: 'Enhed', en: 'Unit' } },
        { id: 'start', type: 'date', label: { da: 'Første arbejdsdag', en: 'First day' } },
        { id: 'pay', type: 'money', label: { da: 'Tillæg', en: 'Supplement' } },
        { id: 'trial', type: 'checkbox', label: { da: 'Prøvetid', en: 'Probation' } },
      ],
    },
  ],
} as unknown as TServiceDefinition;

describe('the record of a case for the personnel file', () => {
  it('names units and dates as people write them, and leaves CPR numbers and sensitive answers out, saying so', async () => {
    const record = await readCaseRecord(
      answering(
        [
          {
            submitter: 'Hanne Skov',
            subject: 'Jens Jensen',
            unit: 'Nordskolen',
            outcome: null,
            outcomeId: null,
            resolvedAt: null,
          },
        ],
        [{ outcomeId: 'hired', outcome: 'Ansat' }],
        [{ id: 'buf-001', name: 'Nordskolen' }],
      ),
      {
        id: 'c1',
        number: 'IND-2026-000001',
        submittedAt: '2026-12-05 10:00:00+00',
        service,
        answers: {
          hire: {
            cpr: '0101001234',
            health: 'Ryg',
            unit: 'buf-001',
            start: '2027-01-01',
            pay: 123450,
            trial: true,
          },
        },
      },
    );
    expect(record.kind).toBe('Afgørelse');
    expect(record.facts).toContainEqual(['Afgørelse', 'Ansat']);
    expect(record.sections).toEqual([
      {
        title: 'Den nye medarbejder',
        lines: [
          ['Enhed', 'Nordskolen'],
          ['Første arbejdsdag', '1.1.2027'],
          ['Tillæg', '1.234,50 kr.'],
          ['Prøvetid', 'Ja'],
        ],
      },
    ]);
    expect(JSON.stringify(record)).not.toContain('0101001234');
    expect(JSON.stringify(record)).not.toContain('Ryg');
    expect(record.notes).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TIdentityRoleAssignmentsAnswer } from '../connectors/lookupAnswers';
import { validateAnswers, type Persona } from './evaluateForm';
import { checkRoleReview, roleReviewLines, type TRoleReviewLine } from './roleReview';
import { ZServiceDefinition } from './ServiceDefinition';

const review = ZServiceDefinition.parse(
  JSON.parse(
    readFileSync(new URL('../../../../catalog/services/autorisationskontrol.json', import.meta.url), 'utf8'),
  ),
);
const leader: Persona = { roles: ['leader'], administration: 'BUF', experience: 'new', frequency: 'rare' };

const unit: TIdentityRoleAssignmentsAnswer = {
  unitId: 'buf-001',
  users: [
    {
      userId: 'anha01',
      name: 'Anna Hansen',
      position: 'Lærer',
      disabledFrom: null,
      roles: [
        {
          roleId: '121',
          roleName: 'Aula - Medarbejder',
          system: 'Aula',
          from: '2024-08-01',
          to: null,
          assignedThrough: 'direct',
        },
        {
          roleId: '102',
          roleName: 'OPUS Løn - Medarbejder',
          system: 'KMD OPUS Løn',
          from: null,
          to: null,
          assignedThrough: 'direct',
        },
      ],
    },
    {
      userId: 'boje02',
      name: 'Bo Jensen',
      position: null,
      disabledFrom: null,
      roles: [
        {
          roleId: '121',
          roleName: 'Aula - Medarbejder',
          system: 'Aula',
          from: '2025-01-01',
          to: '2026-06-30',
          assignedThrough: 'unit',
        },
      ],
    },
  ],
};

const decided = (...decisions: Array<TRoleReviewLine['decision']>) =>
  roleReviewLines(unit).map((line, i) => ({ ...line, decision: decisions[i] ?? null }));
const submit = (roles: unknown) =>
  validateAnswers(review, { review: { unit: 'buf-001', roles } }, leader, { requireDocuments: true });

describe('the lines of an authorisation review', () => {
  it("makes one undecided line per person and role of the unit's answer", () => {
    const lines = roleReviewLines(unit);
    expect(lines.map((l) => [l.userId, l.roleId, l.decision])).toEqual([
      ['anha01', '121', null],
      ['anha01', '102', null],
      ['boje02', '121', null],
    ]);
    expect(lines[2]).toMatchObject({
      name: 'Bo Jensen',
      from: '2025-01-01',
      to: '2026-06-30',
      assignedThrough: 'unit',
    });
  });

  it('keeps the decisions already made when the unit is read again, and drops those of roles no longer held', () => {
    const earlier = [
      ...decided('remove', 'keep', null),
      { ...decided('keep')[0]!, userId: 'gone99', decision: 'remove' as const },
    ];
    const again = roleReviewLines(unit, earlier);
    expect(again.map((l) => l.decision)).toEqual(['remove', 'keep', null]);
    expect(again.some((l) => l.userId === 'gone99')).toBe(false);
  });
});

describe('checking a review answer, in the browser and on the server', () => {
  it('accepts a review where every line is kept or removed, and keeps the lines as they were sent', () => {
    const lines = decided('remove', 'keep', 'keep');
    const { answers, errors } = submit(lines);
    expect(errors).toEqual([]);
    expect((answers.review as Record<string, unknown>).roles).toEqual(lines);
  });

  it('refuses a line without a decision, naming how many are missing', () => {
    expect(submit(decided('keep', null, 'remove')).errors).toEqual([
      {
        path: 'review.roles',
        field: 'roles',
        message: {
          da: 'Vælg Behold eller Fjern for den sidste rolle.',
          en: 'Choose Keep or Remove for the last role.',
        },
      },
    ]);
    expect(submit(decided()).errors[0]!.message.en).toBe(
      'Choose Keep or Remove for every role (3 are missing).',
    );
  });

  it('refuses an empty review as unanswered', () => {
    expect(submit([]).errors[0]).toMatchObject({
      path: 'review.roles',
      message: { en: 'Choose the unit and review the roles in it.' },
    });
  });

  it('refuses lines that are not roles from identity management: a made-up decision, extra data, a bad date, text', () => {
    const [first, ...rest] = decided('keep', 'keep', 'keep');
    const broken: unknown[] = [
      [{ ...first, decision: 'maybe' }, ...rest],
      [{ ...first, cpr: '010100-0000' }, ...rest],
      [{ ...first, from: '2024-02-30' }, ...rest],
      [{ ...first, userId: '' }, ...rest],
      'anha01 skal ikke have Aula',
      [['anha01', '121']],
    ];
    for (const roles of broken) {
      const { errors, answers } = submit(roles);
      expect(errors.map((e) => e.path)).toEqual(['review.roles']);
      expect(errors[0]!.message.en).toMatch(/^(A line of the review is not a role|The review is not a list)/);
      expect((answers.review as Record<string, unknown>).roles).toEqual([]);
    }
  });

  it('refuses the same role twice for one person', () => {
    const lines = decided('keep', 'keep', 'keep');
    expect(submit([...lines, { ...lines[0]!, decision: 'remove' }]).errors[0]!.message.en).toBe(
      "The same role appears twice for one employee. Fetch the unit's roles again.",
    );
  });

  it('refuses a review too long to be one unit', () => {
    const many = Array.from({ length: 3001 }, (_, i) => ({ ...decided('keep')[0]!, roleId: String(i) }));
    expect(checkRoleReview(many).problem?.en).toBe('At most 3000 lines in one review.');
  });
});

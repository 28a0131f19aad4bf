import { addDays, todayInDenmark } from '@indgang/domain';

type Section = Record<string, unknown>;

/** What a test may change of a new hire: each section's answers are laid over the defaults. */
export interface NewHireOverrides {
  person?: Section;
  position?: Section;
  pay?: Section;
  supplements?: Section[];
  it?: Section;
  itRoles?: Section[];
  certificates?: Section;
  documents?: Section;
}

/**
 * The answers of the shipped new-hire service (`ansaettelse`) for a routine hire: a teacher at the
 * demo school under the teachers' agreement, full time, permanent, from 60 days ahead, with no
 * contact with young children. Tests lay their own answers over these, section by section.
 */
export function newHireAnswers(overrides: NewHireOverrides = {}): Record<string, unknown> {
  const startDate = (overrides.position?.startDate as string | undefined) ?? addDays(todayInDenmark(), 60);
  return {
    person: {
      cpr: '000190-0301',
      firstName: 'Ny',
      lastName: 'Lærer',
      nationality: 'dk',
      ...overrides.person,
    },
    position: {
      unit: 'buf-001',
      position: 'Lærer',
      agreement: 'laerere',
      employmentForm: 'overenskomst',
      weeklyHours: '37',
      startDate,
      timeLimited: false,
      ...overrides.position,
    },
    pay: {
      payGrade: '31',
      seniorityDate: startDate,
      probation: 'threeMonths',
      pension: 'agreement',
      ...overrides.pay,
    },
    supplements: overrides.supplements ?? [],
    it: { equipmentPc: true, ...overrides.it },
    itRoles: overrides.itRoles ?? [],
    certificates: { worksWithChildren: 'no', ...overrides.certificates },
    documents: { ...overrides.documents },
  };
}

import { describe, expect, it } from 'vitest';
import { conditionHolds, conditionProblem } from './feelCondition';

const context = {
  answers: { kind: 'hours', worksWithChildren: 'yes' },
  case: { outcomeId: 'withdrawn' },
  subject: null,
  decision: { needsChildCertificate: true },
};

describe('process conditions in FEEL', () => {
  it('holds only when the expression is true', () => {
    expect(conditionHolds(undefined, context)).toBe(true);
    expect(conditionHolds('answers.kind = "hours"', context)).toBe(true);
    expect(conditionHolds('decision.needsChildCertificate = true', context)).toBe(true);
    expect(conditionHolds('case.outcomeId = "rejected" or case.outcomeId = "withdrawn"', context)).toBe(true);
    expect(conditionHolds('answers.kind = "allowance"', context)).toBe(false);
    // A missing value is null, which is not true.
    expect(conditionHolds('decision.missing = true', { ...context, decision: {} })).toBe(false);
    expect(conditionHolds('answers.kind', context)).toBe(false);
  });

  it('names a misspelt variable and unreadable FEEL, and accepts the four names', () => {
    expect(conditionProblem('answers.kind = "hours"')).toBeNull();
    expect(conditionProblem('answer.kind = "hours"')).toContain("'answer'");
    expect(conditionProblem('count(')).not.toBeNull();
  });
});

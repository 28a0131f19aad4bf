import { describe, expect, it } from 'vitest';
import { can, isReadOnly, mayChange, type Actor } from './Actor';
import type { Role } from './roles';
import { requireBackoffice } from '../cases/caseAccess';

const actorWith = (...roles: Role[]): Actor => ({
  userId: 'u',
  personId: roles.includes('employee') ? 'p' : null,
  displayName: 'U',
  roles: new Set(roles),
  ledUnitIds: [],
  delegatedUnitIds: [],
  teamIds: [],
  unitScope: 'all',
});

describe('the read-only rule', () => {
  it('lets an auditor who is also an employee read case handling and change none of it', () => {
    const auditor = actorWith('auditor', 'employee');
    expect(can(auditor, 'cases.handle')).toBe(true);
    expect(mayChange(auditor, 'cases.handle')).toBe(false);
    expect(isReadOnly(auditor)).toBe(false);
    expect(() => requireBackoffice(auditor, false)).not.toThrow();
    expect(() => requireBackoffice(auditor, true)).toThrow(/access to case handling/);
  });

  it('makes a person who holds only read-only roles read-only everywhere', () => {
    expect(isReadOnly(actorWith('auditor'))).toBe(true);
    expect(isReadOnly(actorWith())).toBe(false);
  });

  it('lets a caseworker who is also an auditor change what the caseworker role grants', () => {
    const both = actorWith('auditor', 'caseworker');
    expect(mayChange(both, 'cases.handle')).toBe(true);
    expect(mayChange(both, 'audit.read')).toBe(false);
    expect(() => requireBackoffice(both, true)).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { TIdentityRoleAssignmentsAnswer, TIdentityRoleLine, TServiceDefinition } from '@indgang/schemas';
import { ConnectorError } from '../../connectors/ConnectorError';
import { removeReviewedRoles, reviewRemovals, roleIdsFromAnswers } from './identityActions';

describe('the system roles a new hire gets from her answers', () => {
  it('reads a repeated section of roles, a list, a text of ids and a single role, once each', () => {
    expect(roleIdsFromAnswers({ itRoles: [{ role: '121' }, { role: '141' }] })).toEqual(['121', '141']);
    expect(roleIdsFromAnswers({ itRoles: ['121', 141] })).toEqual(['121', '141']);
    expect(roleIdsFromAnswers({ itRoles: '121, 141;131', itRole: '121' })).toEqual(['121', '141', '131']);
    expect(roleIdsFromAnswers({ itRole: '102' })).toEqual(['102']);
  });

  it('gives none when the answers name none', () => {
    expect(roleIdsFromAnswers({})).toEqual([]);
    expect(roleIdsFromAnswers({ itRoles: [{ role: '' }], itRole: null })).toEqual([]);
  });
});

describe('removing the roles an authorisation review marked', () => {
  const role = (roleId: string, assignedThrough: TIdentityRoleLine['assignedThrough'] = 'direct') => ({
    roleId,
    roleName: `Rolle ${roleId}`,
    system: 'Aula',
    from: null,
    to: null,
    assignedThrough,
  });
  /** Identity management holding `held`, recording what it is asked to remove. */
  const identity = (held: TIdentityRoleAssignmentsAnswer) => {
    const removedCalls: string[] = [];
    return {
      removedCalls,
      listRoleAssignments: async () => held,
      removeRole: async ({ userId, roleId }: { userId: string; roleId: string }) => {
        removedCalls.push(`${userId}/${roleId}`);
      },
    };
  };
  const line = (userId: string, roleId: string) => ({
    userId,
    roleId,
    name: 'Anna Hansen',
    roleName: `Rolle ${roleId}`,
    system: 'Aula',
  });
  const call = { key: 'step-1', signal: new AbortController().signal };
  const unit: TIdentityRoleAssignmentsAnswer = {
    unitId: 'buf-001',
    users: [
      {
        userId: 'anha01',
        name: 'Anna Hansen',
        position: null,
        disabledFrom: null,
        roles: [role('121'), role('131', 'unit'), role('141')],
      },
    ],
  };

  it('removes the direct roles and refuses in words a person acts on those given through the unit', async () => {
    const fake = identity(unit);
    const refused = await removeReviewedRoles(
      fake,
      { unitId: 'buf-001', lines: [line('anha01', '121'), line('anha01', '131'), line('anha01', '141')] },
      call,
    ).catch((e: unknown) => e);
    expect(fake.removedCalls).toEqual(['anha01/121', 'anha01/141']);
    expect(refused).toBeInstanceOf(ConnectorError);
    expect(refused).toMatchObject({
      outcome: 'refused',
      code: 'role_not_direct',
      text: {
        da: expect.stringContaining(
          'Anna Hansen (anha01): Rolle 131 (Aula). Ret tildelingen i OS2rollekatalog. 2 andre roller er fjernet.',
        ) as string,
      },
    });
  });

  it('takes only the lines marked remove from the review field of the service, with its unit', () => {
    const def = {
      sections: [
        {
          id: 'review',
          fields: [
            { id: 'unit', type: 'unit' },
            { id: 'roles', type: 'roleReview', unitField: 'unit' },
          ],
        },
      ],
    } as unknown as TServiceDefinition;
    const lines = [
      { ...line('anha01', '121'), from: null, to: null, assignedThrough: 'direct', decision: 'remove' },
      { ...line('anha01', '141'), from: null, to: null, assignedThrough: 'direct', decision: 'keep' },
    ];
    expect(reviewRemovals(def, { unit: 'buf-001', roles: lines })).toEqual({
      unitId: 'buf-001',
      lines: [line('anha01', '121')],
    });
    expect(reviewRemovals(def, { roles: lines })).toBeNull();
    // A review that does not pass the form's check removes nothing.
    expect(reviewRemovals(def, { unit: 'buf-001', roles: [{ ...lines[0], decision: 'maybe' }] })).toEqual({
      unitId: 'buf-001',
      lines: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { roleIdsFromAnswers } from './identityActions';

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

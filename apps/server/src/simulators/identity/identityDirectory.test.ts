import { describe, expect, it } from 'vitest';
import { isFakeCpr } from '@indgang/domain';
import { SimulatorStore } from '../SimulatorStore';
import { IdentityDirectory } from './identityDirectory';

describe('the simulated AD and role catalogue', () => {
  it('holds only the demo staff, by their made-up CPR numbers, each with a unique user id and roles', () => {
    const directory = new IdentityDirectory(new SimulatorStore('identity'), { seed: 2026, scale: 0.1 });
    const users = directory.users(() => true);
    expect(users.length).toBeGreaterThan(500);
    for (const user of users)
      expect(isFakeCpr(user.extensionAttribute1), user.extensionAttribute1).toBe(true);
    expect(new Set(users.map((u) => u.sAMAccountName)).size).toBe(users.length);
    expect(users.every((u) => directory.assignments(u.sAMAccountName).length >= 2)).toBe(true);
  });

  it('keeps a change in its store, read before the demo data, so a removed role stays removed', () => {
    const store = new SimulatorStore('identity');
    const directory = new IdentityDirectory(store, { seed: 2026, scale: 0.1 });
    const [user] = directory.users((u) => u.department === 'buf-001');
    directory.putAssignments(user!.sAMAccountName, []);
    directory.putUser({ ...user!, accountExpires: '2030-01-01' });
    const again = new IdentityDirectory(store, { seed: 2026, scale: 0.1 });
    expect(again.assignments(user!.sAMAccountName)).toEqual([]);
    expect(again.users((u) => u.sAMAccountName === user!.sAMAccountName)).toEqual([
      expect.objectContaining({ accountExpires: '2030-01-01' }),
    ]);
  });
});

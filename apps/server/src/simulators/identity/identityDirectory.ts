import { DEMO_EMAIL_DOMAIN, generateDemoMunicipality } from '@indgang/domain';
import type { AdUser, RcAssignedThrough } from '../../connectors/identity/identityWire';
import type { SimulatorStore } from '../SimulatorStore';
import { demoRoleIds } from './roleCatalogue';
import { userIdFor } from './userIdRule';

/** One role a user holds in the simulated role catalogue. */
export interface SimAssignment {
  userRoleId: number;
  startDate: string | null;
  stopDate: string | null;
  /** How the user holds it: given to her directly (absent), or through her unit, title or a role group. */
  assignedThrough?: RcAssignedThrough;
}

/** Roles in the catalogue began no earlier than this (when the municipality took it in use). */
const CATALOGUE_START = '2019-01-01';

/**
 * What the simulated AD and role catalogue hold: the demo municipality's staff (generated from the
 * same seed as the people Indgang holds, so units and people match) with accounts and plausible
 * roles, kept in memory; and every change (a new account, a disabled one, a role assigned or
 * removed), kept in the store, which is read first. A user's role list, once changed, is stored
 * whole, so a removal of a demo role stays removed across a restart.
 */
export class IdentityDirectory {
  private readonly demoUsers = new Map<string, AdUser>();
  private readonly demoRoles = new Map<string, SimAssignment[]>();
  private readonly units = new Set<string>();

  constructor(
    private readonly store: SimulatorStore,
    demo: { seed: number; scale?: number } | undefined,
  ) {
    if (!demo) return;
    const data = generateDemoMunicipality({ seed: demo.seed, scale: demo.scale });
    const units = new Map(data.units.map((u) => [u.id, u]));
    for (const unit of data.units) this.units.add(unit.id);
    for (const person of data.people) {
      const job = person.affiliations[0];
      const unit = job && units.get(job.unitId);
      if (!job || !unit || !person.cpr) continue;
      const userId = userIdFor(person.firstName, person.lastName, (id) => this.demoUsers.has(id));
      this.demoUsers.set(userId, {
        sAMAccountName: userId,
        userPrincipalName: `${userId}@${DEMO_EMAIL_DOMAIN}`,
        displayName: `${person.firstName} ${person.lastName}`,
        givenName: person.firstName,
        sn: person.lastName,
        title: job.position,
        department: unit.id,
        extensionAttribute1: person.cpr.replace('-', ''),
        info: null,
        accountActivation: job.startDate,
        accountExpires: job.endDate,
        whenCreated: `${job.startDate}T08:00:00Z`,
      });
      const leads = person.managerOf.includes(unit.id);
      const deputy = !leads && job.agreement.startsWith('Ledere');
      const from = job.startDate > CATALOGUE_START ? job.startDate : CATALOGUE_START;
      this.demoRoles.set(
        userId,
        demoRoleIds(unit, leads, deputy).map((userRoleId) => ({
          userRoleId,
          startDate: from,
          stopDate: null,
        })),
      );
    }
  }

  /** Whether AD has the unit as a department (any, when there is no demo organisation to know it from). */
  knowsUnit(unitId: string): boolean {
    return this.units.size === 0 || this.units.has(unitId);
  }

  user(userId: string): AdUser | undefined {
    return this.store.get<AdUser>('users', userId) ?? this.demoUsers.get(userId);
  }

  /** Every account (a stored one replacing its demo one) that passes the test. */
  users(test: (user: AdUser) => boolean): AdUser[] {
    const stored = this.store.list<AdUser>('users');
    const changed = new Set(stored.map((u) => u.sAMAccountName));
    return [...[...this.demoUsers.values()].filter((u) => !changed.has(u.sAMAccountName)), ...stored].filter(
      test,
    );
  }

  putUser(user: AdUser): AdUser {
    return this.store.put('users', user.sAMAccountName, user);
  }

  taken = (userId: string) => this.demoUsers.has(userId) || this.store.get('users', userId) !== undefined;

  assignments(userId: string): SimAssignment[] {
    return this.store.get<SimAssignment[]>('assignments', userId) ?? this.demoRoles.get(userId) ?? [];
  }

  putAssignments(userId: string, assignments: SimAssignment[]): void {
    this.store.put('assignments', userId, assignments);
  }
}

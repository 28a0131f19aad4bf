import {
  ConnectorError,
  type ConnectorCall,
  type IdentityAccount,
  type IdentityConnector,
  type SystemRole,
} from '@indgang/domain';
import type { TIdentityRoleLine } from '@indgang/schemas';
import { connectorRequest, type ConnectorResponse, type ResolvedEndpoint } from '../connectorRequest';
import type {
  AdCreateBody,
  AdError,
  AdUser,
  RcAssignBody,
  RcAssignedThrough,
  RcItSystem,
  RcUserRole,
  RcUserRoleAssignment,
} from './identityWire';

/** The IT systems' names are read again after this long (a catalogue changes seldom). */
const CATALOGUE_MS = 10 * 60_000;
/** How many users' roles are read at once when a unit is listed. */
const PARALLEL_READS = 4;

const ASSIGNED_THROUGH: Record<RcAssignedThrough, TIdentityRoleLine['assignedThrough']> = {
  DIRECT: 'direct',
  ORG_UNIT: 'unit',
  TITLE: 'title',
  POSITION: 'position',
  ROLE_GROUP: 'role_group',
};

/**
 * Identity management through OS2rollekatalog's API and the municipality's AD provisioning front
 * (identityWire). The role catalogue's key goes in the `ApiKey` header (INDGANG_IDENTITY_PASSWORD
 * without a user name); with a user name, basic credentials. Refusals become `refused` with the
 * system's own words; AD creates nothing twice for one call key, because the client first looks
 * for the account its earlier attempt made (AD's `info` carries the key).
 */
export function createRollekatalogClient(endpoint: ResolvedEndpoint): IdentityConnector {
  const apiKey: Record<string, string> =
    endpoint.password && !endpoint.username ? { apikey: endpoint.password } : {};
  const send = async (
    method: string,
    path: string,
    call: ConnectorCall,
    body?: unknown,
  ): Promise<ConnectorResponse> => {
    const response = await connectorRequest(
      endpoint,
      {
        method,
        path,
        headers: {
          accept: 'application/json',
          ...apiKey,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      call,
    );
    if (response.status >= 400) throw refusal(response);
    return response;
  };
  /**
   * A read, tried once more at once when the system failed it (a read changes nothing): listing a
   * unit takes a call per user, and one lost answer among them should not fail the whole list.
   */
  const read = async <T>(path: string, call: ConnectorCall): Promise<T> => {
    const response = await send('GET', path, call).catch((error: unknown) => {
      if (error instanceof ConnectorError && error.outcome === 'transient' && !call.signal.aborted)
        return send('GET', path, call);
      throw error;
    });
    try {
      return response.json<T>();
    } catch {
      throw new ConnectorError('transient', 'unreadable', `${path.split('?')[0]} answered what is not JSON`);
    }
  };

  let systems: { at: number; names: Promise<Map<number, string>> } | null = null;
  const systemNames = (call: ConnectorCall) => {
    if (!systems || Date.now() - systems.at > CATALOGUE_MS) {
      const names = read<RcItSystem[]>('api/v2/itsystem', call).then(
        (list) => new Map(list.map((s) => [s.id, s.name])),
      );
      systems = { at: Date.now(), names };
      // A failed read is not kept: the next call asks again.
      names.catch(() => {
        systems = null;
      });
    }
    return systems.names;
  };

  const accounts = async (query: string, call: ConnectorCall) =>
    (await read<{ value: AdUser[] }>(`ad/v1/users?${query}`, call)).value.map(toAccount);

  return {
    async createAccount(input, call) {
      // AD dedupes nothing: the account an earlier attempt under this key made, if any, is the answer.
      const earlier = await accounts(`info=${encodeURIComponent(call.key)}`, call);
      if (earlier[0]) return { userId: earlier[0].userId, created: false };
      const body: AdCreateBody = {
        givenName: input.firstName,
        sn: input.lastName,
        title: input.position,
        department: input.unitId,
        extensionAttribute1: input.cpr.replace('-', ''),
        info: call.key,
        accountActivation: input.activeFrom,
      };
      const response = await send('POST', 'ad/v1/users', call, body);
      return { userId: response.json<AdUser>().sAMAccountName, created: true };
    },

    findAccounts: ({ cpr }, call) =>
      accounts(`extensionAttribute1=${encodeURIComponent(cpr.replace('-', ''))}`, call),

    async disableAccount({ userId, from }, call) {
      const response = await send('PATCH', `ad/v1/users/${encodeURIComponent(userId)}`, call, {
        accountExpires: from,
      });
      return { userId, disabledFrom: response.json<AdUser>().accountExpires ?? from };
    },

    async assignRole({ userId, roleId, from, to }, call) {
      const body: RcAssignBody = {
        startDate: from,
        stopDate: to,
        onlyIfNotAssigned: true,
        domain: null,
        postponedConstraints: [],
      };
      await send(
        'PUT',
        `api/v2/user/${encodeURIComponent(userId)}/assign/userrole/${encodeURIComponent(roleId)}`,
        call,
        body,
      );
    },

    async removeRole({ userId, roleId }, call) {
      await send(
        'DELETE',
        `api/user/${encodeURIComponent(userId)}/deassign/userrole/${encodeURIComponent(roleId)}`,
        call,
      );
    },

    async listRoleAssignments({ unitId }, call) {
      const names = await systemNames(call);
      const staff = await accounts(`department=${encodeURIComponent(unitId)}`, call);
      const users = await inBatches(staff, PARALLEL_READS, async (account) => {
        const held = await read<RcUserRoleAssignment[]>(
          `api/v2/user/${encodeURIComponent(account.userId)}/assignments`,
          call,
        );
        return {
          userId: account.userId,
          name: account.name,
          position: account.position,
          disabledFrom: account.disabledFrom,
          roles: held
            .map((a): TIdentityRoleLine => ({
              roleId: String(a.userRole.id),
              roleName: a.userRole.name,
              system: names.get(a.userRole.itSystemId) ?? String(a.userRole.itSystemId),
              from: a.startDate ?? null,
              to: a.stopDate ?? null,
              assignedThrough: ASSIGNED_THROUGH[a.assignedThrough] ?? 'direct',
            }))
            .sort(
              (x, y) => x.system.localeCompare(y.system, 'da') || x.roleName.localeCompare(y.roleName, 'da'),
            ),
        };
      });
      return { unitId, users: users.sort((x, y) => x.name.localeCompare(y.name, 'da')) };
    },

    async listRoles(call) {
      const names = await systemNames(call);
      const roles = await read<RcUserRole[]>('api/v2/userrole', call);
      return roles.map((r): SystemRole => ({
        roleId: String(r.id),
        name: r.name,
        system: names.get(r.itSystemId) ?? String(r.itSystemId),
        description: r.description,
      }));
    },
  };
}

function toAccount(user: AdUser): IdentityAccount {
  return {
    userId: user.sAMAccountName,
    name: user.displayName,
    unitId: user.department,
    position: user.title,
    activeFrom: user.accountActivation,
    disabledFrom: user.accountExpires,
  };
}

/** A CPR number in a system's words is never recorded. */
const withoutCpr = (text: string) => text.replace(/\b\d{6}-?\d{4}\b/g, '[CPR]');

/**
 * A 4xx answer as the system put it: AD's front `{error: {code, message}}`, the role catalogue's
 * plain text ("User not found.") or Spring's error body ({status, error, message}).
 */
function refusal(response: ConnectorResponse): ConnectorError {
  const body = response.text().trim();
  let code = `http_${response.status}`;
  let words = body.slice(0, 300);
  try {
    const parsed = JSON.parse(body) as Partial<AdError> & { message?: string; error?: unknown };
    if (parsed.error && typeof parsed.error === 'object' && 'message' in parsed.error) {
      code = parsed.error.code;
      words = parsed.error.message;
    } else if (typeof parsed.message === 'string' && parsed.message) words = parsed.message;
    else if (typeof parsed.error === 'string') words = parsed.error;
  } catch {
    // A plain-text answer: the role catalogue's own sentence.
    if (body === 'User not found.') code = 'user_not_found';
    else if (body === 'User Role not found.') code = 'user_role_not_found';
  }
  return new ConnectorError('refused', code, withoutCpr(words || `HTTP ${response.status}`));
}

/** Runs `work` over the items, `size` at a time, keeping their order. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

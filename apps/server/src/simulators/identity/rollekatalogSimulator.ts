import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEMO_EMAIL_DOMAIN, todayInDenmark } from '@indgang/domain';
import {
  ROLLEKATALOG_OPERATIONS as OP,
  type AdCreateBody,
  type AdUser,
  type RcAssignBody,
  type RcUserRoleAssignment,
} from '../../connectors/identity/identityWire';
import type { SimulatorPlugin } from '../startSimulators';
import { IdentityDirectory } from './identityDirectory';
import { IT_SYSTEMS, USER_ROLES } from './roleCatalogue';
import { userIdFor } from './userIdRule';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));

/** The AD front's refusal, in its Danish. */
const adError = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

/** Spring's error body, as OS2rollekatalog answers a ResponseStatusException. */
const springError = (reply: FastifyReply, request: FastifyRequest, status: number, message: string) =>
  reply.code(status).send({
    timestamp: new Date().toISOString(),
    status,
    error: status === 404 ? 'Not Found' : 'Bad Request',
    message,
    path: request.url.split('?')[0],
  });

/**
 * Identity management, simulated: OS2rollekatalog's role API and the municipality's AD
 * provisioning front (identityWire), holding the demo municipality's staff with accounts and
 * plausible roles (IdentityDirectory). As the real ones: AD dedupes no create (the caller looks for
 * its own earlier attempt by `info`) but refuses a second active account for a person; the role
 * catalogue assigns a role again unless asked `onlyIfNotAssigned`, and removes a role the user
 * lacks without complaint (and only her direct assignment of it, not one through her unit). Refusals are in each system's own words.
 */
export const rollekatalogSimulator: SimulatorPlugin = {
  connector: 'identity',
  prefix: '/rollekatalog',
  register(app, store, config) {
    const directory = new IdentityDirectory(store, config?.demo);
    const active = (user: AdUser, today: string) => !user.accountExpires || user.accountExpires > today;
    const roleById = (id: string) => USER_ROLES.find((r) => String(r.id) === id);

    app.get('/api/v2/itsystem', { config: { operation: OP.itSystems } }, async () => IT_SYSTEMS);
    app.get('/api/v2/userrole', { config: { operation: OP.userRoles } }, async () => USER_ROLES);

    app.put<{ Params: { userUuid: string; userRoleId: string }; Body: RcAssignBody | undefined }>(
      '/api/v2/user/:userUuid/assign/userrole/:userRoleId',
      { config: { operation: OP.assign } },
      async (request, reply) => {
        const body = request.body;
        if (!body || typeof body !== 'object')
          return springError(reply, request, 400, 'Request must have a body.');
        const user = directory.user(request.params.userUuid);
        const role = roleById(request.params.userRoleId);
        if (!user) return reply.code(404).type('text/plain').send('User not found.');
        if (!role) return reply.code(404).type('text/plain').send('User Role not found.');
        const held = directory.assignments(user.sAMAccountName);
        if (body.onlyIfNotAssigned && held.some((a) => a.userRoleId === role.id))
          return reply.code(200).send();
        directory.putAssignments(user.sAMAccountName, [
          ...held,
          { userRoleId: role.id, startDate: body.startDate ?? null, stopDate: body.stopDate ?? null },
        ]);
        return reply.code(200).send();
      },
    );

    app.delete<{ Params: { userUuid: string; userRoleId: string } }>(
      '/api/user/:userUuid/deassign/userrole/:userRoleId',
      { config: { operation: OP.deassign } },
      async (request, reply) => {
        const user = directory.user(request.params.userUuid);
        const role = roleById(request.params.userRoleId);
        if (!user) return reply.code(404).type('text/plain').send('User not found.');
        if (!role) return reply.code(404).type('text/plain').send('User Role not found.');
        // Only the user's own assignment goes: a role she holds through her unit or title stays.
        const held = directory.assignments(user.sAMAccountName);
        const direct = (a: (typeof held)[number]) =>
          a.userRoleId === role.id && (a.assignedThrough ?? 'DIRECT') === 'DIRECT';
        if (held.some(direct))
          directory.putAssignments(
            user.sAMAccountName,
            held.filter((a) => !direct(a)),
          );
        return reply.code(200).send();
      },
    );

    app.get<{ Params: { userId: string } }>(
      '/api/v2/user/:userId/assignments',
      { config: { operation: OP.assignments } },
      async (request, reply) => {
        const user = directory.user(request.params.userId);
        if (!user) return springError(reply, request, 404, 'User not found');
        return directory.assignments(user.sAMAccountName).flatMap((a): RcUserRoleAssignment[] => {
          const role = USER_ROLES.find((r) => r.id === a.userRoleId);
          return role
            ? [
                {
                  user: { uuid: user.sAMAccountName, userId: user.sAMAccountName, name: user.displayName },
                  postponedConstraints: [],
                  userRole: role,
                  responsibleOrgUnit: user.department
                    ? { uuid: user.department, name: user.department }
                    : null,
                  assignedThroughTitle: null,
                  assignedThrough: a.assignedThrough ?? 'DIRECT',
                  startDate: a.startDate,
                  stopDate: a.stopDate,
                },
              ]
            : [];
        });
      },
    );

    app.get<{ Querystring: { info?: string; extensionAttribute1?: string; department?: string } }>(
      '/ad/v1/users',
      { config: { operation: OP.findAccounts } },
      async (request, reply) => {
        const { info, extensionAttribute1, department } = request.query;
        if (!info && !extensionAttribute1 && !department)
          return adError(reply, 400, 'filter_mangler', 'Angiv info, extensionAttribute1 eller department.');
        return {
          value: directory.users(
            (u) =>
              (!info || u.info === info) &&
              (!extensionAttribute1 || u.extensionAttribute1 === extensionAttribute1) &&
              (!department || u.department === department),
          ),
        };
      },
    );

    app.post<{ Body: Partial<AdCreateBody> | undefined }>(
      '/ad/v1/users',
      { config: { operation: OP.createAccount } },
      async (request, reply) => {
        const body = request.body ?? {};
        const givenName = body.givenName?.trim();
        const sn = body.sn?.trim();
        if (!givenName || !sn)
          return adError(reply, 400, 'navn_mangler', 'Fornavn og efternavn skal udfyldes.');
        if (!body.extensionAttribute1 || !/^\d{10}$/.test(body.extensionAttribute1))
          return adError(
            reply,
            400,
            'ugyldigt_cpr',
            'CPR-nummeret i extensionAttribute1 skal være 10 cifre.',
          );
        if (!isDate(body.accountActivation))
          return adError(reply, 400, 'ugyldig_dato', 'Aktiveringsdatoen skal være en dato (ÅÅÅÅ-MM-DD).');
        if (!body.department || !directory.knowsUnit(body.department))
          return adError(
            reply,
            400,
            'ukendt_afdeling',
            `Afdelingen "${body.department ?? ''}" findes ikke i AD.`,
          );
        const today = todayInDenmark();
        const existing = directory.users(
          (u) => u.extensionAttribute1 === body.extensionAttribute1 && active(u, today),
        )[0];
        if (existing)
          return adError(
            reply,
            409,
            'konto_findes',
            `Personen har allerede en aktiv konto (${existing.sAMAccountName}). Tilføj stillingen til den i stedet for at oprette en ny.`,
          );
        const userId = userIdFor(givenName, sn, directory.taken);
        const user = directory.putUser({
          sAMAccountName: userId,
          userPrincipalName: `${userId}@${DEMO_EMAIL_DOMAIN}`,
          displayName: `${givenName} ${sn}`,
          givenName,
          sn,
          title: body.title ?? null,
          department: body.department,
          extensionAttribute1: body.extensionAttribute1,
          info: body.info ?? null,
          accountActivation: body.accountActivation,
          accountExpires: null,
          whenCreated: new Date().toISOString(),
        });
        return reply.code(201).send(user);
      },
    );

    app.patch<{ Params: { userId: string }; Body: { accountExpires?: unknown } | undefined }>(
      '/ad/v1/users/:userId',
      { config: { operation: OP.updateAccount } },
      async (request, reply) => {
        const user = directory.user(request.params.userId);
        if (!user)
          return adError(reply, 404, 'konto_findes_ikke', `Kontoen ${request.params.userId} findes ikke.`);
        const expires = request.body?.accountExpires;
        if (expires === null) return directory.putUser({ ...user, accountExpires: null });
        if (!isDate(expires))
          return adError(reply, 400, 'ugyldig_dato', 'Udløbsdatoen skal være en dato (ÅÅÅÅ-MM-DD).');
        return directory.putUser({ ...user, accountExpires: expires });
      },
    );
  },
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { Database } from '@indgang/db';
import {
  authenticateRobot,
  completeWorkItem,
  createRobot,
  extendWorkItemLease,
  failWorkItem,
  fetchAndLockWorkItems,
  parseRobotAuthorization,
  reportWorkItemBusinessError,
  revokeRobot,
  robotsOverview,
  type RobotActor,
  type WorkCalendar,
} from '@indgang/domain';
import {
  ZBusinessErrorBody,
  ZCompleteWorkItemBody,
  ZExtendLeaseBody,
  ZFailWorkItemBody,
  ZFetchAndLockBody,
  ZIdParams,
  ZLockedWorkItems,
  ZOk,
  ZRobotCreateBody,
  ZRobotCreated,
  ZRobotItemParams,
  ZRobotsOverview,
  ZRobotWhoAmI,
  ZWorkItemLease,
  ZWorkItemOutcome,
} from '@indgang/schemas';
import { requireActor, ROBOT_API_PREFIX } from '../http/authenticate';
import { error, json, OK, type ApiTypeProvider } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';

declare module 'fastify' {
  interface FastifyRequest {
    robot: RobotActor | null;
  }
}

const ROBOT_API = `${ROBOT_API_PREFIX}v1`;
const ROBOT_SECURITY = [{ robot: [] }];
const adminTags = ['Robots'];
const tags = ['Robot API'];
const needsManage = error(403, 'Needs the permission to manage robots (`robots.manage`).');
const refused = error(
  401,
  'A missing, malformed, wrong or revoked robot credential (`robot_unauthenticated`).',
);
const outOfScope = error(404, 'No such work item on a topic this robot is scoped to.');
const notHeld = error(
  409,
  'The robot no longer holds the item: its lease passed and another robot took it (`work_item_locked_by_another`), it is not locked (`work_item_not_locked`), or it was finished another way (`work_item_finished`).',
);

export function robotRequest(request: FastifyRequest): RobotActor {
  if (!request.robot) throw new Error('robot route without robot authentication');
  return request.robot;
}

/**
 * Robot credentials (administrators) and the robot API: robots and scripts fetch-and-lock work
 * items of their topics with a lease, extend it, and complete, fail or report a business error,
 * authenticated by their bearer credential (no session, no CSRF), rate-limited per robot.
 */
export function robotRoutes(
  app: FastifyInstance,
  deps: { database: Database; calendar: WorkCalendar; limits: RateLimits },
) {
  const db = deps.database.db;
  const services = { calendar: deps.calendar };
  const api = app.withTypeProvider<ApiTypeProvider>();
  app.decorateRequest('robot', null);

  // ---- Administration ----

  api.get(
    '/api/v1/robots',
    {
      schema: {
        tags: adminTags,
        summary: 'Robot credentials and the work items of their topics by state',
        response: {
          200: json(ZRobotsOverview, 'The robots and topics'),
          403: error(403, 'Needs the permission to see robots (`robots.read`).'),
        },
      },
    },
    async (request) => robotsOverview({ db }, requireActor(request)),
  );
  api.post(
    '/api/v1/robots',
    {
      config: { writes: true },
      schema: {
        tags: adminTags,
        summary: 'Create a robot credential',
        description:
          'Named and scoped to topics. The answer holds the token, shown only this once (only its hash is kept). Audited. Not replayable by an Idempotency-Key, since that would store the secret: the name identifies the create instead (409 `robot_name_taken` while an active robot has it).',
        body: ZRobotCreateBody,
        response: {
          201: json(ZRobotCreated, 'The credential, with its token'),
          403: needsManage,
          409: error(409, 'An active robot already has this name (`robot_name_taken`).'),
        },
      },
    },
    async (request, reply) => {
      const created = await createRobot({ db }, requireActor(request), request.body);
      return reply.code(201).send(created);
    },
  );
  api.post(
    '/api/v1/robots/:id/revoke',
    {
      config: { writes: true },
      schema: {
        tags: adminTags,
        summary: 'Revoke a robot credential',
        description: 'From now on it is refused (401); the items it holds are released. Audited.',
        params: ZIdParams,
        response: { 200: json(ZOk, 'Revoked'), 403: needsManage, 404: error(404, 'No such robot.') },
      },
    },
    async (request) => {
      await revokeRobot({ db }, requireActor(request), request.params.id);
      return OK;
    },
  );

  // ---- The robot API ----

  // Counted per robot (the id in its credential), else per client address, like other endpoints without a session.
  const rateLimit: RateLimitOptions = {
    ...deps.limits.public,
    keyGenerator: (request) => {
      const credential = parseRobotAuthorization(request.headers.authorization);
      return credential ? `robot:${credential.robotId}` : `ip:${request.ip}`;
    },
  };
  const authenticate = async (request: FastifyRequest) => {
    request.robot = await authenticateRobot({ db }, request.headers.authorization);
  };
  const robotRoute = { config: { rateLimit }, preValidation: authenticate };

  api.get(
    `${ROBOT_API}/me`,
    {
      ...robotRoute,
      schema: {
        tags,
        summary: 'The robot this credential belongs to, and its topics',
        security: ROBOT_SECURITY,
        response: { 200: json(ZRobotWhoAmI, 'The robot'), 401: refused },
      },
    },
    async (request) => {
      const robot = robotRequest(request);
      return { id: robot.robotId, name: robot.name, topics: [...robot.topics] };
    },
  );
  api.post(
    `${ROBOT_API}/work-items/fetch-and-lock`,
    {
      ...robotRoute,
      schema: {
        tags,
        summary: 'Fetch and lock up to N work items of a topic',
        description:
          'Locks items that are waiting (and due) or whose lease has passed to this robot for `leaseSeconds`. Robots fetching at once never get the same item. An empty list: nothing to do now; ask again later. Each item handed out is audited.',
        security: ROBOT_SECURITY,
        body: ZFetchAndLockBody,
        response: {
          200: json(ZLockedWorkItems, 'The items now locked to this robot (oldest first)'),
          401: refused,
          403: error(403, 'The robot is not scoped to this topic (`robot_topic_forbidden`).'),
        },
      },
    },
    async (request) => ({
      items: await fetchAndLockWorkItems({ db }, robotRequest(request), request.body),
    }),
  );
  api.post(
    `${ROBOT_API}/work-items/:id/extend-lease`,
    {
      ...robotRoute,
      schema: {
        tags,
        summary: 'Extend the lease on an item while the work goes on',
        security: ROBOT_SECURITY,
        params: ZRobotItemParams,
        body: ZExtendLeaseBody,
        response: { 200: json(ZWorkItemLease, 'The new lease'), 401: refused, 404: outOfScope, 409: notHeld },
      },
    },
    async (request) =>
      extendWorkItemLease({ db }, robotRequest(request), request.params.id, request.body.leaseSeconds),
  );
  api.post(
    `${ROBOT_API}/work-items/:id/complete`,
    {
      ...robotRoute,
      schema: {
        tags,
        summary: 'Complete an item with what the work produced',
        description:
          "The case's process moves on in the same transaction. Completing again is not an error and changes nothing (`replayed: true`).",
        security: ROBOT_SECURITY,
        params: ZRobotItemParams,
        body: ZCompleteWorkItemBody,
        response: { 200: json(ZWorkItemOutcome, 'Completed'), 401: refused, 404: outOfScope, 409: notHeld },
      },
    },
    async (request) =>
      completeWorkItem({ db, services }, robotRequest(request), request.params.id, request.body.output),
  );
  api.post(
    `${ROBOT_API}/work-items/:id/fail`,
    {
      ...robotRoute,
      schema: {
        tags,
        summary: 'The robot could not do the work: retry later, or hand the case to a person',
        description:
          "`later` offers the item again after a back-off (1 minute, doubling, at most 1 hour); after the fifth attempt, or with `person`, the case goes to its team's queue with the reason. Reporting the same failure again changes nothing.",
        security: ROBOT_SECURITY,
        params: ZRobotItemParams,
        body: ZFailWorkItemBody,
        response: {
          200: json(ZWorkItemOutcome, '`retry` with `retryAt`, or `failed`'),
          401: refused,
          404: outOfScope,
          409: notHeld,
        },
      },
    },
    async (request) => failWorkItem({ db }, robotRequest(request), request.params.id, request.body),
  );
  api.post(
    `${ROBOT_API}/work-items/:id/business-error`,
    {
      ...robotRoute,
      schema: {
        tags,
        summary: 'Report a business outcome a person must handle (e.g. "the certificate has remarks")',
        description:
          "The step ends with `business_error` and the case's process sends it where its definition says (e.g. the HR law queue). Reporting it again changes nothing.",
        security: ROBOT_SECURITY,
        params: ZRobotItemParams,
        body: ZBusinessErrorBody,
        response: { 200: json(ZWorkItemOutcome, 'Reported'), 401: refused, 404: outOfScope, 409: notHeld },
      },
    },
    async (request) =>
      reportWorkItemBusinessError({ db, services }, robotRequest(request), request.params.id, request.body),
  );
}

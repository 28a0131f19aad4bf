import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { getPerson, getUnit, listUnits, readProfile, searchPersons, todayInDenmark } from '@indgang/domain';
import {
  ZIdParams,
  ZPersonDetail,
  ZPersonHits,
  ZPersonQuery,
  ZPersonSearchQuery,
  ZProfile,
  ZUnitDetail,
  ZUnitList,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';

const tags = ['Organisation'];
const needsOrgRead = error(403, 'Needs the permission to read the organisation (`org.read`).');

export function orgRoutes(app: FastifyInstance, deps: { database: Database }) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/org/units',
    {
      schema: {
        tags,
        summary: 'The units in reach',
        description: "The units in the user's scope in tree order, with their number of current employees.",
        response: { 200: json(ZUnitList, 'The units'), 403: needsOrgRead },
      },
    },
    async (request) => listUnits({ db }, requireActor(request)),
  );

  api.get(
    '/api/v1/org/units/:id',
    {
      schema: {
        tags,
        summary: 'One unit with its leaders, sub-units and staff',
        description: 'Reading the staff list is audited.',
        params: ZIdParams,
        response: {
          200: json(ZUnitDetail, 'The unit'),
          403: needsOrgRead,
          404: error(404, 'No such unit within reach.'),
        },
      },
    },
    async (request) => getUnit({ db }, requireActor(request), request.params.id, todayInDenmark()),
  );

  api.get(
    '/api/v1/org/persons',
    {
      schema: {
        tags,
        summary: 'Find people by name or employee number',
        description: 'At most 25, within reach. The search is audited.',
        querystring: ZPersonSearchQuery,
        response: { 200: json(ZPersonHits, 'The people found'), 403: needsOrgRead },
      },
    },
    async (request) => searchPersons({ db }, requireActor(request), request.query.q, todayInDenmark()),
  );

  api.get(
    '/api/v1/org/persons/:id',
    {
      schema: {
        tags,
        summary: "A person's record",
        description: 'Audited. `reveal=cpr` shows the full CPR number to those allowed, audited as such.',
        params: ZIdParams,
        querystring: ZPersonQuery,
        response: {
          200: json(ZPersonDetail, 'The person'),
          403: error(403, 'The CPR number may not be revealed to this user.'),
          404: error(404, 'No such person within reach.'),
        },
      },
    },
    async (request) =>
      getPerson({ db }, requireActor(request), request.params.id, {
        revealCpr: request.query.reveal === 'cpr',
        today: todayInDenmark(),
      }),
  );

  api.get(
    '/api/v1/me/profile',
    {
      schema: {
        tags,
        summary: "The current user's own record",
        response: {
          200: json(ZProfile, 'Her record; null for a user who is not a person of the organisation'),
        },
      },
    },
    async (request) => readProfile({ db }, requireActor(request), todayInDenmark()),
  );
}

import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { getPerson, getUnit, listUnits, searchPersons, todayInDenmark } from '@indgang/domain';
import { ZIdParams, ZPersonQuery, ZPersonSearchQuery } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { parseInput } from '../http/parseInput';

export function orgRoutes(app: FastifyInstance, deps: { database: Database }) {
  const db = deps.database.db;

  app.get('/api/v1/org/units', async (request) => listUnits({ db }, requireActor(request)));

  app.get('/api/v1/org/units/:id', async (request) => {
    const { id } = parseInput(ZIdParams, request.params, 'params');
    return getUnit({ db }, requireActor(request), id, todayInDenmark());
  });

  app.get('/api/v1/org/persons', async (request) => {
    const { q } = parseInput(ZPersonSearchQuery, request.query, 'query');
    return searchPersons({ db }, requireActor(request), q, todayInDenmark());
  });

  app.get('/api/v1/org/persons/:id', async (request) => {
    const { id } = parseInput(ZIdParams, request.params, 'params');
    const query = parseInput(ZPersonQuery, request.query, 'query');
    return getPerson({ db }, requireActor(request), id, {
      revealCpr: query.reveal === 'cpr',
      today: todayInDenmark(),
    });
  });

  app.get('/api/v1/me/profile', async (request) => {
    const actor = requireActor(request);
    if (!actor.personId) return { person: null };
    return { person: await getPerson({ db }, actor, actor.personId, { today: todayInDenmark() }) };
  });
}

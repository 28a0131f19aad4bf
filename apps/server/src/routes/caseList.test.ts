import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import type { TCaseCounts, TPortalCaseList } from '@indgang/schemas';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

describe.each(targets)('the case lists and the start page counts on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let otherLeader: TestClient;
  let caseworker: TestClient;
  let auditor: TestClient;
  const list = async (client: TestClient, query: string) => {
    const answer = await t.as(client, { method: 'GET', url: `/api/v1/cases?${query}` });
    expect(answer.statusCode).toBe(200);
    return answer.json() as TPortalCaseList;
  };
  const counts = async (client: TestClient) =>
    (await t.as(client, { method: 'GET', url: '/api/v1/cases/counts' })).json() as TCaseCounts;

  beforeAll(async () => {
    // A year of resolved and open cases, so that a leader's list runs to several pages.
    t = await createTestApp(target, { demoHistory: true });
    leader = await t.login('demo-leder');
    otherLeader = await t.login('demo-leder-pleje');
    auditor = await t.login('demo-revisor');
    // Two absences for sickness beside the history's mileage claims: two services in her list.
    const people = (
      await t.database.pool.query<{ person_id: string }>(
        "SELECT DISTINCT e.person_id FROM employments e JOIN org_units u ON u.id = e.unit_id WHERE u.id = 'buf-001' ORDER BY 1 LIMIT 2",
      )
    ).rows;
    let team = '';
    for (const [i, { person_id }] of people.entries()) {
      const sent = await t.as(leader, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          serviceId: 'fravaer',
          answers: { absence: { person: person_id, kind: 'sickness', from: `2026-11-0${i + 2}` } },
        },
      });
      expect(sent.statusCode).toBe(201);
      team = sent.json().teamId;
    }
    // Demo data has no caseworker in the absence team: the payroll caseworker's team gets them.
    await t.database.pool.query("UPDATE cases SET team_id = 'okf-ks-lon1' WHERE team_id = $1", [team]);
    caseworker = await t.login('demo-sagsbehandler-loen');
  }, 240_000);
  afterAll(() => t.close());

  it('pages the whole list, 25 at a time, with the count of all, each case once', async () => {
    const first = await list(leader, 'view=units');
    expect(first.total).toBeGreaterThan(25);
    expect(first.items).toHaveLength(25);
    const ids = new Set<string>();
    for (let page = 1; page <= Math.ceil(first.total / 25); page++)
      for (const c of (await list(leader, `view=units&page=${page}`)).items) ids.add(c.id);
    expect(ids.size).toBe(first.total);
    // Newest first, and past the end an empty page that still says how many there are.
    const dates = first.items.map((c) => c.submittedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const beyond = await list(leader, `view=units&page=${Math.ceil(first.total / 25) + 1}`);
    expect(beyond).toMatchObject({ items: [], total: first.total });
  });

  it('sorts by number, status and service both ways', async () => {
    const numbers = (await list(leader, 'view=units&sort=number&dir=asc&pageSize=100')).items.map(
      (c) => c.number,
    );
    expect(numbers).toEqual([...numbers].sort());
    const order = ['submitted', 'in_progress', 'awaiting_submitter', 'resolved'];
    const statuses = (await list(leader, 'view=units&sort=status&dir=desc&pageSize=100')).items.map((c) =>
      order.indexOf(c.status),
    );
    expect(statuses).toEqual([...statuses].sort((a, b) => b - a));
    const names = (await list(leader, 'view=units&sort=service&dir=asc&pageSize=100&lang=en')).items.map(
      (c) =>
        (typeof c.serviceName === 'string'
          ? c.serviceName
          : (c.serviceName.en ?? c.serviceName.da)
        ).toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBeGreaterThan(1);
  });

  it('filters by status and service, offering only the services of her cases', async () => {
    const all = await list(leader, 'view=units');
    expect(all.services.length).toBeGreaterThan(1);
    const service = all.services[0]!.id;
    const ofService = await list(leader, `view=units&service=${service}&pageSize=100`);
    expect(ofService.total).toBeGreaterThan(0);
    expect(ofService.total).toBeLessThan(all.total);
    const resolved = await list(leader, 'view=units&status=resolved&pageSize=100');
    expect(resolved.items.every((c) => c.status === 'resolved')).toBe(true);
    expect(resolved.total).toBeLessThan(all.total);
    // The filter's services stay the list's, whatever is filtered.
    expect(resolved.services).toEqual(all.services);
  });

  it('finds cases by the beginnings of words: "syg" finds sygdom, the middle of a word finds nothing', async () => {
    const absence = await list(leader, 'view=units&q=syg&pageSize=100');
    expect(absence.total).toBeGreaterThan(0);
    for (const c of absence.items)
      expect(JSON.stringify(c.serviceName) + c.unitName + (c.subject ?? '') + c.number).toMatch(
        /(^|[^a-zæøå])syg/i,
      );
    expect((await list(leader, 'view=units&q=ygdom')).total).toBe(0);
    // Two words: both must begin a word.
    const both = await list(leader, 'view=units&q=fra%20syg');
    expect(both.total).toBe(absence.total);
    expect((await list(leader, 'view=units&q=syg%20barselsorlov')).total).toBe(0);
    // Scoping stays: another leader finds none of her cases.
    const mineNumber = absence.items[0]!.number;
    expect((await list(otherLeader, `view=units&q=${mineNumber}`)).total).toBe(0);
    expect((await list(leader, `view=units&q=${mineNumber}`)).total).toBe(1);
  });

  it('counts what waits on a leader, a caseworker and the auditor, as their lists show it', async () => {
    const leaderCounts = await counts(leader);
    expect(leaderCounts.returned).toBe((await list(leader, 'view=mine&status=awaiting_submitter')).total);
    expect(leaderCounts.submitted).toBe((await list(leader, 'view=mine&status=submitted')).total);
    expect(leaderCounts.submitted).toBeGreaterThan(0);
    expect(leaderCounts.inProgress).toBe((await list(leader, 'view=mine&status=in_progress')).total);
    expect(leaderCounts.unitsReturned).toBe(
      (await list(leader, 'view=units&status=awaiting_submitter')).total,
    );
    expect(leaderCounts.queue).toBeNull();

    const work = await counts(caseworker);
    expect(work.unitsReturned).toBeNull();
    const queue = (
      await t.as(caseworker, { method: 'GET', url: '/api/v1/backoffice/queue?assigned=none' })
    ).json() as Array<{ overdue: boolean }>;
    expect(work.queue!.unassigned).toBe(queue.length);
    expect(work.queue!.unassigned).toBeGreaterThan(0);
    const open = (
      await t.as(caseworker, { method: 'GET', url: '/api/v1/backoffice/queue' })
    ).json() as Array<{
      overdue: boolean;
    }>;
    expect(work.queue!.overdue).toBe(open.filter((c) => c.overdue).length);

    // The start page names her units.
    const me = (await t.as(leader, { method: 'GET', url: '/api/v1/me' })).json() as {
      ledUnitIds: string[];
      unitNames: Record<string, string>;
    };
    expect(me.ledUnitIds).toContain('buf-001');
    expect(me.unitNames['buf-001']).toMatch(/\w{3}/);
    expect(me.unitNames['buf-001']).not.toBe('buf-001');

    expect(await counts(auditor)).toMatchObject({
      returned: 0,
      submitted: 0,
      inProgress: 0,
      unitsReturned: null,
    });
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { todayInDenmark } from '@indgang/domain';
import type { TTeamBoard } from '@indgang/schemas';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const TEAM = 'tavle-test';

/**
 * A team's board counted from hand-made cases in a team of their own, so every figure is known
 * exactly: incoming and resolved today, overdue (never a case waiting on the submitter), due soon,
 * unassigned, the backlog, the oldest, returns by reason, the automated share and each caseworker's
 * output, which only the team's own lead sees.
 */
describe.each(targets)("a team's board of today on $name", (target) => {
  let t: TestApp;
  let lead: TestClient;
  let board: TTeamBoard;
  const days = (n: number) => `now() - interval '${n} days'`;

  beforeAll(async () => {
    t = await createTestApp(target);
    const q = (text: string) => t.database.pool.query(text);
    await q(`INSERT INTO teams (id, name, area) VALUES ('${TEAM}', 'Tavleteamet', 'Løn')`);
    await q(`INSERT INTO role_assignments (user_id, role, team_id) VALUES
      ('demo-teamleder', 'team_lead', '${TEAM}'), ('demo-sagsbehandler-loen', 'caseworker', '${TEAM}')`);
    const unit = (
      await q('SELECT unit_id FROM employments WHERE end_date IS NULL ORDER BY person_id LIMIT 1')
    ).rows[0].unit_id as string;
    const version = (await q("SELECT max(version) AS v FROM services WHERE id = 'fravaer'")).rows[0]
      .v as number;
    const today = todayInDenmark();
    const day = (offset: number) => {
      const d = new Date(`${today}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      return d.toISOString().slice(0, 10);
    };
    const made = [
      // id, status, submitted, due, resolved, automation, assignee
      ['a', 'submitted', 'now()', day(10), null, null, null],
      ['b', 'in_progress', days(20), day(-5), null, null, 'demo-sagsbehandler-loen'],
      ['c', 'awaiting_submitter', days(10), day(-1), null, null, null],
      ['d', 'submitted', days(5), day(0), null, null, null],
      ['e', 'resolved', days(3), day(2), 'now()', 'full', null],
      ['f', 'resolved', days(15), day(-8), days(10), null, null],
      ['g', 'resolved', days(50), day(-40), days(40), null, null],
      ['h', 'resolved', days(2), day(3), 'now()', null, null],
    ] as const;
    for (const [id, status, submitted, due, resolved, automation, assignee] of made)
      await q(`INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date, resolved_at, automation, assignee_user_id)
        VALUES ('board-${id}', 'TAVLE-${id}', 'fravaer', ${version}, '${unit}', 'demo-leder', '${status}', '${TEAM}', '{}', ${submitted}, '${due}', ${resolved ?? 'NULL'},
          ${automation ? `'${automation}'` : 'NULL'}, ${assignee ? `'${assignee}'` : 'NULL'})`);
    await q(`INSERT INTO case_events (case_id, at, actor_user_id, type, internal, body, data) VALUES
      ('board-b', ${days(2)}, 'demo-sagsbehandler-loen', 'returned', false, 'Mangler bilag', '{"reasonCode": "missing-document"}'),
      ('board-g', ${days(45)}, 'demo-sagsbehandler-loen', 'returned', false, 'Gammelt', '{"reasonCode": "missing-document"}'),
      ('board-e', now(), NULL, 'resolved', false, 'Løst', '{}'),
      ('board-f', ${days(10)}, 'demo-sagsbehandler-loen', 'resolved', false, 'Løst', '{}'),
      ('board-h', now(), 'demo-sagsbehandler-loen', 'resolved', false, 'Løst', '{}')`);
    lead = await t.login('demo-teamleder');
    const answer = await t.as(lead, { method: 'GET', url: `/api/v1/insights/teams/${TEAM}/board` });
    expect(answer.statusCode, answer.body).toBe(200);
    board = answer.json();
  }, 240_000);
  afterAll(() => t.close());

  it('counts today, the open cases and the deadlines exactly', () => {
    expect(board.teamName).toBe('Tavleteamet');
    expect(board.figures).toEqual({
      incomingToday: 1,
      resolvedToday: 2,
      open: 4,
      overdue: 1,
      dueSoon: 1,
      waitingOnSubmitter: 1,
      unassigned: 2,
      resolvedInWindow: 3,
      automatedInWindow: 1,
      automatedShare: 33.33,
    });
    expect(Date.now() - Date.parse(board.asOf)).toBeLessThan(60_000);
  });

  it('shows the backlog by service, step and status, the oldest first and returns by reason in the window', () => {
    expect(board.backlog.map((b) => [b.status, b.cases, b.overdue])).toEqual([
      ['submitted', 2, 0],
      ['awaiting_submitter', 1, 0],
      ['in_progress', 1, 1],
    ]);
    expect(board.backlog.every((b) => b.serviceId === 'fravaer' && b.stepId === null)).toBe(true);
    expect(board.oldest.map((o) => o.number)).toEqual(['TAVLE-b', 'TAVLE-c', 'TAVLE-d', 'TAVLE-a']);
    expect(board.oldest[0]!.assignee).toBeTruthy();
    expect(board.returns).toEqual([
      {
        reason: 'missing-document',
        label: { da: 'Manglende dokumentation', en: 'Missing documentation' },
        returns: 1,
      },
    ]);
  });

  it("shows each caseworker's output to the team's own lead only", async () => {
    expect(board.caseworkers).toEqual([
      expect.objectContaining({
        userId: 'demo-sagsbehandler-loen',
        open: 1,
        resolvedToday: 1,
        resolvedInWindow: 2,
        returnsInWindow: 1,
      }),
    ]);
    const owner = await t.login('demo-procesejer');
    const seen = await t.as(owner, { method: 'GET', url: `/api/v1/insights/teams/${TEAM}/board` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().caseworkers).toBeNull();
    expect(seen.json().figures).toEqual(board.figures);
    const refused = await t.as(owner, {
      method: 'GET',
      url: `/api/v1/insights/teams/${TEAM}/board/caseworkers.csv`,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a caseworker and a leader, and another team lead names no team of hers', async () => {
    for (const user of ['demo-sagsbehandler-loen', 'demo-leder']) {
      const answer = await t.as(await t.login(user), {
        method: 'GET',
        url: `/api/v1/insights/teams/${TEAM}/board`,
      });
      expect(answer.statusCode, user).toBe(403);
      expect(answer.json().error.message.da).toContain('Tavlen');
    }
    const own = (await t.as(lead, { method: 'GET', url: '/api/v1/insights/teams' })).json() as {
      id: string;
    }[];
    expect(own.map((team) => team.id).sort()).toEqual(['okf-ks-lon1', TEAM]);
    const owner = await t.login('demo-procesejer');
    const all = (await t.as(owner, { method: 'GET', url: '/api/v1/insights/teams' })).json() as {
      id: string;
    }[];
    expect(all.length).toBeGreaterThan(own.length);
    const other = await t.as(lead, { method: 'GET', url: '/api/v1/insights/teams/okf-ks-hr/board' });
    expect(other.statusCode).toBe(404);
    const unknown = await t.as(lead, {
      method: 'GET',
      url: '/api/v1/insights/teams/findes-ikke/board/backlog.pdf',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('exports each table as CSV for Danish Excel and as a workbook, with names and headings', async () => {
    const csv = await t.as(lead, { method: 'GET', url: `/api/v1/insights/teams/${TEAM}/board/oldest.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Sag";"Service";"Enhed";"Status";"Modtaget";"Frist";"Sagsbehandler"');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('"TAVLE-b";"Fravær');
    const english = await t.as(lead, {
      method: 'GET',
      url: `/api/v1/insights/teams/${TEAM}/board/returns.csv?lang=en`,
    });
    expect(english.body).toContain('"Reason";"Returns"');
    expect(english.body).toContain('"Missing documentation";1');
    const xlsx = await t.as(lead, {
      method: 'GET',
      url: `/api/v1/insights/teams/${TEAM}/board/caseworkers.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Sagsbehandler');
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
  });
});

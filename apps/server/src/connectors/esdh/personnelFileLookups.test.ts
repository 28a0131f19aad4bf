import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../../testing/createTestApp';

const targets = await testDatabaseTargets();

type Listed = {
  documentId: string;
  title: string;
  kind: string;
  documentDate: string | null;
  fileName: string;
  visibleToEmployee?: boolean;
};

/**
 * The personnel file read through the lookup API: the employee sees the documents marked for her,
 * her leader and the leader's deputy in force see the whole file at once ("kigge-adgang"), a
 * caseworker too; anyone else gets the same 404 as for an unknown person. Every read is audited
 * with the person it concerns, before the system is asked.
 */
describe.each(targets)('the personnel file lookups on $name', (target) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const person: Record<string, string> = {};
  const q = <R>(text: string, values: unknown[] = []) =>
    t.database.pool.query(text, values).then((r) => r.rows as R[]);

  /** Asks, runs the job, and answers the lookup as the asker polls it. */
  const lookup = async (user: string, name: string, input: Record<string, unknown>) => {
    const asked = await t.as(clients[user]!, {
      method: 'POST',
      url: '/api/v1/lookups',
      payload: { name, input },
    });
    if (asked.statusCode !== 202) return { statusCode: asked.statusCode, body: asked.json() };
    await t.runJobs();
    const polled = await t.as(clients[user]!, { method: 'GET', url: `/api/v1/lookups/${asked.json().id}` });
    return { statusCode: asked.statusCode, body: polled.json(), id: asked.json().id as string };
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    for (const user of [
      'demo-medarbejder',
      'demo-leder',
      'demo-stedfortraeder',
      'demo-leder-pleje',
      'demo-sagsbehandler-hr',
      'demo-konfigurator',
    ]) {
      clients[user] = await t.login(user);
      const [row] = await q<{ personId: string }>(`SELECT person_id AS "personId" FROM users WHERE id = $1`, [
        user,
      ]);
      person[user] = row!.personId;
    }
  }, 120_000);
  afterAll(() => t.close());

  it('shows the employee the documents of her own file that are marked for her, newest first, audited', async () => {
    const own = await lookup('demo-medarbejder', 'esdh.personnelFile', {});
    expect(own.statusCode).toBe(202);
    expect(own.body.status).toBe('done');
    const documents = own.body.result.documents as Listed[];
    expect(documents.map((d) => d.kind)).toEqual(['Lønaftale', 'Ansættelsesbrev']);
    expect(documents[0]).not.toHaveProperty('visibleToEmployee');
    const [audit] = await q<{ subject: string; details: Record<string, unknown> }>(
      `SELECT subject_person_id AS subject, details FROM audit_log WHERE action = 'connector.lookup' AND entity_id = $1`,
      [own.id],
    );
    expect(audit).toEqual({
      subject: person['demo-medarbejder'],
      details: { lookup: 'esdh.personnelFile', what: expect.stringContaining('medarbejderen selv') },
    });
  });

  it("gives her leader and the leader's deputy the whole file at once, and a caseworker too", async () => {
    for (const user of ['demo-leder', 'demo-stedfortraeder', 'demo-sagsbehandler-hr']) {
      const read = await lookup(user, 'esdh.personnelFile', { personId: person['demo-medarbejder'] });
      expect(read.body.status, user).toBe('done');
      const documents = read.body.result.documents as Listed[];
      expect(documents.map((d) => [d.kind, d.visibleToEmployee]).sort(), user).toEqual([
        ['Ansættelsesbrev', true],
        ['Lønaftale', true],
        ['Notat', false],
      ]);
    }
  });

  it("answers 404 to a leader of another unit, to a role that handles no cases, and to a deputy asking for her own leader's file", async () => {
    for (const [user, whose] of [
      ['demo-leder-pleje', 'demo-medarbejder'],
      ['demo-konfigurator', 'demo-medarbejder'],
      ['demo-stedfortraeder', 'demo-leder'],
      ['demo-medarbejder', 'demo-leder'],
    ] as const) {
      const refused = await lookup(user, 'esdh.personnelFile', { personId: person[whose] });
      expect(refused.statusCode, `${user} → ${whose}`).toBe(404);
      expect(refused.body.error.message).toMatchObject({ da: expect.any(String), en: expect.any(String) });
    }
    const unknown = await lookup('demo-leder', 'esdh.personnelFile', { personId: 'no-such-person' });
    expect(unknown.statusCode).toBe(404);
    const [{ n }] = (await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'connector.lookup' AND actor_user_id = 'demo-leder-pleje'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('hands out a document of the file as a PDF in base64, audited by its id', async () => {
    const listed = (
      await lookup('demo-leder', 'esdh.personnelFile', { personId: person['demo-medarbejder'] })
    ).body.result.documents as Listed[];
    const letter = listed.find((d) => d.kind === 'Ansættelsesbrev')!;
    const read = await lookup('demo-leder', 'esdh.document', {
      personId: person['demo-medarbejder'],
      documentId: letter.documentId,
    });
    expect(read.body.status).toBe('done');
    expect(read.body.result).toMatchObject({ fileName: letter.fileName, contentType: 'application/pdf' });
    const bytes = Buffer.from(read.body.result.contentBase64 as string, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(read.body.result.size).toBe(bytes.length);
    const [audit] = await q<{ subject: string; details: Record<string, unknown> }>(
      `SELECT subject_person_id AS subject, details FROM audit_log WHERE action = 'connector.lookup' AND entity_id = $1`,
      [read.id],
    );
    expect(audit).toEqual({
      subject: person['demo-medarbejder'],
      details: { lookup: 'esdh.document', what: `Dokument ${letter.documentId} fra personalesagen (ESDH)` },
    });

    // The browser opens it as a page of its own, or saves it, from the answer: for the asker alone.
    const shown = await t.as(clients['demo-leder']!, {
      method: 'GET',
      url: `/api/v1/lookups/${read.id}/file?view=inline`,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent(letter.fileName)}`,
    );
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'");
    expect(shown.rawPayload.equals(bytes)).toBe(true);
    const saved = await t.as(clients['demo-leder']!, {
      method: 'GET',
      url: `/api/v1/lookups/${read.id}/file`,
    });
    expect(saved.headers['content-disposition']).toMatch(/^attachment;/);
    const other = await t.as(clients['demo-stedfortraeder']!, {
      method: 'GET',
      url: `/api/v1/lookups/${read.id}/file`,
    });
    expect(other.statusCode).toBe(404);
    const list = await lookup('demo-leder', 'esdh.personnelFile', { personId: person['demo-medarbejder'] });
    const noFile = await t.as(clients['demo-leder']!, {
      method: 'GET',
      url: `/api/v1/lookups/${list.id}/file`,
    });
    expect(noFile.statusCode).toBe(404);
    expect(noFile.json().error.code).toBe('lookup_no_file');
  });

  it("keeps the leader's note from the employee, and a document of another file from anyone reading this one", async () => {
    const listed = (
      await lookup('demo-leder', 'esdh.personnelFile', { personId: person['demo-medarbejder'] })
    ).body.result.documents as Listed[];
    const note = listed.find((d) => d.kind === 'Notat')!;
    const hidden = await lookup('demo-medarbejder', 'esdh.document', { documentId: note.documentId });
    expect(hidden.body).toMatchObject({
      status: 'failed',
      error: { da: expect.stringContaining('findes ikke i personalesagen'), en: expect.any(String) },
    });
    const leaders = (await lookup('demo-leder', 'esdh.personnelFile', {})).body.result.documents as Listed[];
    const otherFile = await lookup('demo-medarbejder', 'esdh.document', {
      documentId: leaders[0]!.documentId,
    });
    expect(otherFile.body.status).toBe('failed');
    const visible = listed.find((d) => d.kind === 'Lønaftale')!;
    const own = await lookup('demo-medarbejder', 'esdh.document', { documentId: visible.documentId });
    expect(own.body.status).toBe('done');
  });

  it('refuses a document id that is no GetOrganized DocID before anything is asked', async () => {
    const bad = await lookup('demo-medarbejder', 'esdh.document', { documentId: '../etc' });
    expect(bad.statusCode).toBe(400);
  });
});

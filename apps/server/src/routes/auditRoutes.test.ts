import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { appendAudit, sealAuditChain, verifyAuditChain } from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

describe.each(targets)('audit trail on $name', (target) => {
  let t: TestApp;
  let auditor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target);
    auditor = await t.login('demo-revisor');
    const caseworker = await t.login('demo-sagsbehandler-hr');
    await t.as(caseworker, { method: 'GET', url: '/api/v1/org/units/buf-001' });
  });
  afterAll(() => t.close());

  it('writes each change in the same transaction as the change: a rolled-back change leaves no entry', async () => {
    const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await expect(t.database.db.transaction(async (tx) => {
      await appendAudit(tx, { actorUserId: 'demo-admin', action: 'test.change', entityType: 'test' });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });

  it('verifies an intact chain over the API and logs that the auditor checked', async () => {
    // Sealing waits for every older transaction in the cluster, so under parallel tests it may lag a little.
    await expect.poll(async () => (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json().entries, { timeout: 20_000 }).toBeGreaterThan(3);
    const result = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    const log = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit?action=audit.verify' })).json();
    expect(log[0]).toMatchObject({ action: 'audit.verify', actorUserId: 'demo-revisor' });
  });

  it('refuses to update, delete or truncate entries and links', async () => {
    await expect(t.database.pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query("UPDATE audit_chain SET hash = 'x' WHERE pos = 1")).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('DELETE FROM audit_chain WHERE pos = 1')).rejects.toThrow(/append-only/);
  });

  it('seals only entries whose transaction has ended, and each once', async () => {
    const sealed = async (seq: number) => (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_chain WHERE seq = $1', [seq])).rows[0].n;
    const client = await t.database.pool.connect();
    let seq: number;
    try {
      if (t.database.kind === 'postgres') {
        await client.query('BEGIN');
        seq = (await client.query("INSERT INTO audit_log (at, action, entity_type) VALUES (now(), 'test.open', 'test') RETURNING seq")).rows[0].seq;
        await sealAuditChain(t.database.db);
        expect(await sealed(seq)).toBe(0);
        await client.query('COMMIT');
      } else {
        seq = (await client.query("INSERT INTO audit_log (at, action, entity_type) VALUES (now(), 'test.open', 'test') RETURNING seq")).rows[0].seq;
      }
    } finally {
      client.release();
    }
    await expect.poll(async () => { await sealAuditChain(t.database.db); return sealed(seq); }, { timeout: 20_000 }).toBe(1);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('detects an entry edited behind the trigger\'s back, one deleted, and a link removed', async () => {
    await expect.poll(async () => { await sealAuditChain(t.database.db); return (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_chain WHERE seq <= 3')).rows[0].n; }, { timeout: 20_000 }).toBe(3);
    const bypass = (table: string, statement: string) => t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update`));
      await tx.execute(sql.raw(statement));
      await tx.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_update`));
    });
    await bypass('audit_log', `UPDATE audit_log SET details = '{"people": 0}' WHERE seq = 3`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'edited' });
    const broken = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    await bypass('audit_log', 'DELETE FROM audit_log WHERE seq = 2');
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'deleted' });
    await bypass('audit_chain', 'DELETE FROM audit_chain WHERE pos = 1');
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, reason: 'broken_link' });
  });
});

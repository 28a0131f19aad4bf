import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { appendAudit, verifyAuditChain } from '@indgang/domain';
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
    const result = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(result.entries).toBeGreaterThan(3);
    const log = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit?action=audit.verify' })).json();
    expect(log[0]).toMatchObject({ action: 'audit.verify', actorUserId: 'demo-revisor' });
  });

  it('refuses to update, delete or truncate entries', async () => {
    await expect(t.database.pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('detects an entry edited behind the trigger\'s back, and one deleted', async () => {
    const bypass = (statement: string) => t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'));
      await tx.execute(sql.raw(statement));
      await tx.execute(sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update'));
    });
    await bypass(`UPDATE audit_log SET details = '{"people": 0}' WHERE seq = 3`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'edited' });
    const broken = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    await bypass('DELETE FROM audit_log WHERE seq = 3');
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'broken_link' });
  });
});

import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import {
  anchorAuditChain,
  appendAudit,
  auditChainId,
  openAnchorSigner,
  readAnchors,
  sealAuditChain,
  verifyAuditChain,
} from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

describe.each(targets)('audit trail on $name', (target) => {
  let t: TestApp;
  let auditor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target, {}, { freshDatabase: true });
    auditor = await t.login('demo-revisor');
    const caseworker = await t.login('demo-sagsbehandler-hr');
    await t.as(caseworker, { method: 'GET', url: '/api/v1/org/units/buf-001' });
  });
  afterAll(() => t.close());

  it('writes each change in the same transaction as the change: a rolled-back change leaves no entry', async () => {
    const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await expect(
      t.database.db.transaction(async (tx) => {
        await appendAudit(tx, { actorUserId: 'demo-admin', action: 'test.change', entityType: 'test' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });

  it('names who did it and what it was about: the user and the unit by name, not by id', async () => {
    const entries = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit?limit=500' })).json() as Array<{
      actorUserId: string | null;
      actorName: string | null;
      entityType: string;
      entityId: string | null;
      entityLabel: string | null;
    }>;
    const read = entries.find(
      (e) => e.actorUserId === 'demo-sagsbehandler-hr' && e.entityType === 'org_unit',
    );
    const names = await t.database.pool.query(
      "SELECT (SELECT display_name FROM users WHERE id = 'demo-sagsbehandler-hr') AS actor, (SELECT name FROM org_units WHERE id = 'buf-001') AS unit",
    );
    expect(read).toMatchObject({
      entityId: 'buf-001',
      actorName: names.rows[0].actor,
      entityLabel: names.rows[0].unit,
    });
    expect(read!.entityLabel).not.toBe('buf-001');
  });

  it('verifies an intact chain over the API and logs that the auditor checked', async () => {
    // Sealing waits for every older transaction in the cluster, so under parallel tests it may lag a little.
    await expect
      .poll(
        async () => (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json().entries,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(3);
    const result = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    const log = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit?action=audit.verify' })).json();
    expect(log[0]).toMatchObject({ action: 'audit.verify', actorUserId: 'demo-revisor' });
  });

  it('refuses to update, delete or truncate entries and links', async () => {
    await expect(t.database.pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query("UPDATE audit_chain SET hash = 'x' WHERE pos = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.pool.query('DELETE FROM audit_chain WHERE pos = 1')).rejects.toThrow(
      /append-only/,
    );
  });

  it('seals only entries whose transaction has ended, and each once', async () => {
    const sealed = async (seq: number) =>
      (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_chain WHERE seq = $1', [seq]))
        .rows[0].n;
    const client = await t.database.pool.connect();
    let seq: number;
    try {
      if (t.database.kind === 'postgres') {
        await client.query('BEGIN');
        seq = (
          await client.query(
            "INSERT INTO audit_log (at, action, entity_type) VALUES (now(), 'test.open', 'test') RETURNING seq",
          )
        ).rows[0].seq;
        await sealAuditChain({ db: t.database.db });
        expect(await sealed(seq)).toBe(0);
        await client.query('COMMIT');
      } else {
        seq = (
          await client.query(
            "INSERT INTO audit_log (at, action, entity_type) VALUES (now(), 'test.open', 'test') RETURNING seq",
          )
        ).rows[0].seq;
      }
    } finally {
      client.release();
    }
    await expect
      .poll(
        async () => {
          await sealAuditChain({ db: t.database.db });
          return sealed(seq);
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await verifyAuditChain({ db: t.database.db })).toMatchObject({ ok: true });
  });

  it("detects an entry edited behind the trigger's back, one deleted, and a link removed", async () => {
    await expect
      .poll(
        async () => {
          await sealAuditChain({ db: t.database.db });
          return (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_chain WHERE seq <= 3'))
            .rows[0].n;
        },
        { timeout: 20_000 },
      )
      .toBe(3);
    const bypass = (table: string, statement: string) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update`));
        await tx.execute(sql.raw(statement));
        await tx.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_update`));
      });
    await bypass('audit_log', `UPDATE audit_log SET details = '{"people": 0}' WHERE seq = 3`);
    expect(await verifyAuditChain({ db: t.database.db })).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'edited',
    });
    const broken = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    await bypass('audit_log', 'DELETE FROM audit_log WHERE seq = 2');
    expect(await verifyAuditChain({ db: t.database.db })).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: 'deleted',
    });
    await bypass('audit_chain', 'DELETE FROM audit_chain WHERE pos = 1');
    expect(await verifyAuditChain({ db: t.database.db })).toMatchObject({ ok: false, reason: 'broken_link' });
  });
});

describe.each(targets)('audit chain positions and anchors on $name', (target) => {
  let t: TestApp;
  let auditor: TestClient;
  const db = () => t.database.db;
  const bypass = (statements: string[]) =>
    t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'));
      await tx.execute(sql.raw('ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_no_update'));
      for (const statement of statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update'));
      await tx.execute(sql.raw('ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_no_update'));
    });
  const sealAll = async () => {
    await expect
      .poll(
        async () => {
          await sealAuditChain({ db: db() });
          return (
            await t.database.pool.query(
              'SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)',
            )
          ).rows[0].n;
        },
        { timeout: 20_000 },
      )
      .toBe(0);
  };

  beforeAll(async () => {
    t = await createTestApp(target, {}, { freshDatabase: true });
    auditor = await t.login('demo-revisor');
  });
  afterAll(() => t.close());

  it('gives positions without gaps, even when a sealing round is rolled back', async () => {
    await appendAuditOutside('test.gap.1');
    await expect(
      db().transaction(async (tx) => {
        await sealAuditChain({ db: tx as unknown as typeof t.database.db });
        throw new Error('crash during sealing');
      }),
    ).rejects.toThrow('crash during sealing');
    await appendAuditOutside('test.gap.2');
    await sealAll();
    const { rows } = await t.database.pool.query(
      'SELECT count(*)::int AS n, max(pos)::int AS max, min(pos)::int AS min FROM audit_chain',
    );
    expect(rows[0]).toMatchObject({ min: 1, max: rows[0].n });
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });

  it('catches an edited entry re-chained by someone with full database rights, against the signed anchor', async () => {
    await sealAll();
    const signer = await openAnchorSigner({ db: db() }, t.config.audit);
    const anchored = await anchorAuditChain({ db: db() }, signer, t.config.audit, null);
    expect(anchored.anchored).not.toBeNull();
    // The forger edits an old entry, deletes the chain from there, and lets the sealer re-chain it.
    const {
      rows: [victim],
    } = await t.database.pool.query('SELECT c.seq, c.pos FROM audit_chain c ORDER BY pos LIMIT 1 OFFSET 2');
    await bypass([
      `UPDATE audit_log SET details = '{"forged": true}' WHERE seq = ${victim.seq}`,
      `DELETE FROM audit_chain WHERE pos >= ${victim.pos}`,
    ]);
    await sealAll();
    // Without anchors the rewritten chain is consistent with itself...
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
    // ...but it no longer holds the head signed outside the database.
    const check = (await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(check).toMatchObject({
      ok: false,
      reason: 'anchor_mismatch',
      brokenAnchor: { pos: anchored.anchored!.pos },
    });
    // And the sealer will not anchor the rewritten chain.
    expect(await anchorAuditChain({ db: db() }, signer, t.config.audit, anchored.anchored)).toEqual({
      anchored: null,
      tampered: true,
    });
  });

  it('catches a shortened chain and a forged line in the anchor file', async () => {
    const fresh = await createTestApp(target, {}, { freshDatabase: true });
    try {
      await appendAuditOutside('test.short', fresh);
      await expect
        .poll(
          async () => {
            await sealAuditChain({ db: fresh.database.db });
            return (
              await fresh.database.pool.query(
                'SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)',
              )
            ).rows[0].n;
          },
          { timeout: 20_000 },
        )
        .toBe(0);
      const { anchored } = await anchorAuditChain(
        { db: fresh.database.db },
        await openAnchorSigner({ db: fresh.database.db }, fresh.config.audit),
        fresh.config.audit,
        null,
      );
      const reading = await readAnchors(fresh.config.audit);
      expect(reading).toMatchObject({
        badLine: null,
        anchors: [{ pos: anchored!.pos, hash: anchored!.hash }],
      });
      await fresh.database.db.transaction(async (tx) => {
        await tx.execute(sql.raw('ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_no_update'));
        await tx.execute(sql.raw(`DELETE FROM audit_chain WHERE pos > ${anchored!.pos - 2}`));
        await tx.execute(sql.raw('ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_no_update'));
      });
      const chainId = await auditChainId({ db: fresh.database.db });
      expect(
        await verifyAuditChain({ db: fresh.database.db }, { anchors: reading.anchors, chainId }),
      ).toMatchObject({
        ok: false,
        reason: 'truncated',
      });
      const text = await readFile(fresh.config.audit.anchorFile, 'utf8');
      await writeFile(fresh.config.audit.anchorFile, text.replace(anchored!.hash, 'f'.repeat(64)));
      expect((await readAnchors(fresh.config.audit)).badLine).toEqual({ line: 1, reason: 'bad_signature' });
      // Verifying where the key is not (another machine, a lost key) never makes one: the anchors cannot be trusted.
      await rm(fresh.config.audit.keyFile);
      expect((await readAnchors(fresh.config.audit)).badLine).toEqual({ line: 1, reason: 'unknown_key' });
      await expect(stat(fresh.config.audit.keyFile)).rejects.toThrow();
    } finally {
      await fresh.close();
    }
  });

  async function appendAuditOutside(action: string, app: TestApp = t) {
    await app.database.db.transaction((tx) =>
      appendAudit(tx, { actorUserId: 'demo-admin', action, entityType: 'test' }),
    );
  }
});

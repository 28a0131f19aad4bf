import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@indgang/db';
import { loadConfig } from './config';
import { startPlatform } from './startPlatform';

const run = promisify(execFile);
const BIN = new URL('../../../bin/indgang.js', import.meta.url).pathname;

async function indgang(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, INDGANG_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the indgang command', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'indgang-cli-'));
    const platform = await startPlatform(
      loadConfig({ INDGANG_DATA_DIR: dataDir, PORT: '0', INDGANG_DEMO_SCALE: '0.05' }),
      { logger: false },
    );
    await platform.close();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('runs a worker only against PostgreSQL, which other processes can share', async () => {
    const refused = await indgang(dataDir, 'worker');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('indgang worker needs DATABASE_URL');
  });

  it('imports a file as an administrator and refuses a bad one with rows and columns', async () => {
    const good = join(dataDir, 'good.csv');
    await writeFile(good, 'unit_id;parent_unit_id;unit_name;unit_kind\nkff-900;kff;Musikskolen;culture\n');
    const ok = await indgang(dataDir, 'import', good, '--as', 'demo-admin');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').at(-1)!).summary.units).toBe(1);
    const bad = join(dataDir, 'bad.csv');
    await writeFile(bad, 'unit_id;parent_unit_id;unit_name;unit_kind\nkff-901;nowhere;X;castle\n');
    const refused = await indgang(dataDir, 'import', bad, '--as', 'demo-admin');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 2 unit_kind');
    expect(refused.stderr).toContain('row 2 parent_unit_id');
    const notAdmin = await indgang(dataDir, 'import', good, '--as', 'demo-leder');
    expect(notAdmin.code).toBe(1);
  });

  it('verifies the audit trail against its signed anchors, and fails once an entry has been edited', async () => {
    const intact = await indgang(dataDir, 'audit', 'verify');
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(
      /audit trail intact: \d+ entries, head [0-9a-f]{64}, matches 1 signed anchors up to position \d+/,
    );
    const database = await openDatabase({ dataDir });
    await database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await database.pool.query("UPDATE audit_log SET actor_user_id = 'someone-else' WHERE seq = 1");
    await database.close();
    const broken = await indgang(dataDir, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at entry 1 (edited)');
  });

  it('fails when the edited chain is deleted and sealed anew, because it no longer holds the anchored head', async () => {
    const database = await openDatabase({ dataDir });
    await database.pool.query('ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_no_update');
    await database.pool.query('DELETE FROM audit_chain');
    await database.close();
    const result = await indgang(dataDir, 'audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /audit trail BROKEN \(anchor_mismatch\): the chain no longer holds the head anchored at position \d+/,
    );
  });

  it('prints its usage for an unknown command', async () => {
    const result = await indgang(dataDir, 'frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('audit verify');
  });
});

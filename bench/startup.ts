// Cold start of the embedded mode to the first served page, on a fresh data folder (migrate and
// load the full demo municipality) and on the existing one, and resident memory after start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/support/startTestPlatform';

const root = new URL('..', import.meta.url).pathname;

async function firstPage(url: string, child: ChildProcess, deadlineMs = 300_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok && (await response.text()).includes('<div id="root">')) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no page before the deadline');
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function run(dataDir: string): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.js'], {
    cwd: root,
    env: {
      ...process.env,
      INDGANG_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  try {
    await firstPage(`http://127.0.0.1:${port}/login`, child);
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { ms, rss: await rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'indgang-bench-'));
try {
  const fresh = await run(dataDir);
  const existing = await run(dataDir);
  console.log(
    `fresh folder (migrate + demo load): ${(fresh.ms / 1000).toFixed(2)} s to first page, ${fresh.rss.toFixed(0)} MiB resident`,
  );
  console.log(
    `existing folder: ${(existing.ms / 1000).toFixed(2)} s to first page, ${existing.rss.toFixed(0)} MiB resident`,
  );
  console.log(
    `fresh_start_s=${(fresh.ms / 1000).toFixed(2)} existing_start_s=${(existing.ms / 1000).toFixed(2)} fresh_rss_mib=${fresh.rss.toFixed(0)} existing_rss_mib=${existing.rss.toFixed(0)} fresh_to_existing_ratio=${(fresh.ms / existing.ms).toFixed(2)}`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

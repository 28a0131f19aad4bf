// The whole test suite: lint (with type-aware rules and layer boundaries), formatting, migrations
// against the schema, type check, the web build, then unit, integration (PGlite and, when
// reachable, PostgreSQL) and browser tests. Ends with one line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { countResults } from './countResults.js';

let passed = 0;
let failed = 0;

/**
 * Runs a check with its output held back, so checks running side by side print one after the
 * other; resolves to whether it passed. A check that cannot start fails.
 */
function check(name, command, args) {
  return new Promise((resolve) => {
    const output = [];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const started = Date.now();
    const done = (ok) =>
      resolve({ name, ok, output: Buffer.concat(output), seconds: (Date.now() - started) / 1000 });
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

// The static checks each keep one core busy at most, so they run side by side (on 2 cores about
// 66 s instead of 111 s one after the other); each still counts as its own pass or failure. The
// web build runs beside them: the browser tests need it, nothing else does.
const checks = await Promise.all([
  check('lint', 'npx', ['eslint', '.']),
  check('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']),
  check('migrations match the schema', 'node', ['scripts/checkMigrations.js']),
  check('type check', 'npx', ['tsc', '-p', 'tsconfig.json']),
  check('web build', 'node', ['-e', "import('./scripts/ensureWebBuild.js').then((m) => m.ensureWebBuild())"]),
]);
for (const { name, ok, output, seconds } of checks) {
  process.stdout.write(`\n▶ ${name} (${seconds.toFixed(0)} s)\n`);
  process.stdout.write(output);
  if (ok) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${name} failed\n`);
  }
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
// A report left by an earlier run must never stand in for this one.
rmSync(report, { force: true });
// Prepared embedded databases shared by the run's test files (apps/server/src/testing/preparedTemplate.ts),
// in a folder of this run's own, removed after it.
const templates = `.tmp/test-templates-${process.pid}`;
spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, INDGANG_TEST_TEMPLATE_DIR: templates } },
);
rmSync(templates, { recursive: true, force: true });
try {
  const counts = countResults(JSON.parse(readFileSync(report, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
} catch {
  failed += 1;
  process.stdout.write('✗ the test runner wrote no report\n');
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

// The whole test suite: lint (with type-aware rules and layer boundaries), formatting, migrations
// against the schema, type check, the web build, then unit, integration (PGlite and, when
// reachable, PostgreSQL) and browser tests. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { countResults } from './countResults.js';
import { ensureWebBuild } from './ensureWebBuild.js';

let passed = 0;
let failed = 0;

function step(name, command, args) {
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${name} failed\n`);
  }
  return result.status === 0;
}

step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
step('migrations match the schema', 'node', ['scripts/checkMigrations.js']);
step('type check', 'npx', ['tsc', '-p', 'tsconfig.json']);
process.stdout.write('\n▶ web build\n');
try {
  ensureWebBuild();
  passed += 1;
} catch {
  failed += 1;
  process.stdout.write('✗ web build failed\n');
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
// A report left by an earlier run must never stand in for this one.
rmSync(report, { force: true });
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
  { stdio: 'inherit' },
);
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

// Fails when schema.ts and the committed migrations disagree: drizzle-kit generates into a copy of
// the migrations folder, and anything it would write there is a change nobody made a migration for.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// drizzle-kit reads paths relative to the working directory, so the copy lives in the project's .tmp
// (one per run: two runs in one checkout never delete each other's).
const copy = `.tmp/migrations-check-${process.pid}`;
rmSync(join(root, copy), { recursive: true, force: true });
mkdirSync(join(root, copy), { recursive: true });
try {
  cpSync(join(root, 'packages/db/migrations'), join(root, copy), { recursive: true });
  const config = join(root, copy, 'drizzle.config.json');
  writeFileSync(
    config,
    JSON.stringify({ dialect: 'postgresql', schema: './packages/db/src/schema.ts', out: copy }),
  );
  const result = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config, '--name', 'unmigrated'], {
    cwd: root,
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !output.includes('No schema changes')) {
    process.stdout.write(output);
    process.stdout.write(
      'schema.ts has changes no committed migration holds: run npm run db:generate and commit the migration\n',
    );
    process.exit(1);
  }
  process.stdout.write('schema.ts and the migrations agree\n');
} finally {
  rmSync(join(root, copy), { recursive: true, force: true });
}

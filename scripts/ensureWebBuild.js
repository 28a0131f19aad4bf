import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps', 'web');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds the web app when it has never been built or its sources changed since: into
 * INDGANG_WEB_DIST when set (where the server then serves it from), else into apps/web/dist.
 */
export function ensureWebBuild() {
  const dist = process.env.INDGANG_WEB_DIST ?? join(web, 'dist');
  const index = join(dist, 'index.html');
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(root, 'packages', 'schemas', 'src')),
    statSync(join(web, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stdout.write('Building the web app …\n');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
    cwd: web,
    stdio: 'inherit',
    // Under Vitest NODE_ENV is `test`, which would bundle React's development build: build what ships.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

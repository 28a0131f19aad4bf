import { listDemoUsers } from '@indgang/domain';
import { loadConfig, type Config } from './config';
import { startPlatform, type Platform } from './startPlatform';
import { DatabaseUnreachableError } from './waitForDatabase';

/** Start-up failed for a reason the operator can fix: one line, no stack trace. */
function stop(line: string): never {
  process.stderr.write(`Indgang cannot start: ${line}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    return stop(`configuration: ${(error as Error).message}`);
  }
}

async function start(config: Config): Promise<Platform> {
  try {
    return await startPlatform(config);
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) stop(`the database cannot be used: ${error.message}`);
    throw error;
  }
}

const config = readConfig();
const platform = await start(config);
const mode =
  platform.database.kind === 'embedded'
    ? `embedded database in ${config.dataDir} (for trying, demos and small pilots: it does not fsync)`
    : 'PostgreSQL';
const lines = ['', `Indgang is running on ${mode}.`, `Open ${platform.url}`];
if (config.demo) {
  lines.push(
    platform.seeded ? 'Eksempel Kommune was loaded as demo data.' : 'Demo data: Eksempel Kommune.',
    'Demo logins (pick one on the login page):',
  );
  for (const user of await listDemoUsers({ db: platform.database.db }))
    lines.push(`  ${user.id.padEnd(26)} ${user.displayName} — ${user.description.en}`);
}
if (config.oidc) lines.push(`OpenID Connect login: ${config.oidc.issuer}`);
process.stdout.write(`${lines.join('\n')}\n\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void platform.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

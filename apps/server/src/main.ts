import { listDemoUsers } from '@indgang/domain';
import { loadConfig } from './config';
import { startPlatform } from './startPlatform';

const config = loadConfig();
const platform = await startPlatform(config);
const mode = platform.database.kind === 'embedded'
  ? `embedded database in ${config.dataDir} (for trying, demos and small pilots: it does not fsync)`
  : 'PostgreSQL';
const lines = [
  '',
  `Indgang is running on ${mode}.`,
  `Open ${platform.url}`,
];
if (config.demo) {
  lines.push(platform.seeded ? 'Eksempel Kommune was loaded as demo data.' : 'Demo data: Eksempel Kommune.', 'Demo logins (pick one on the login page):');
  for (const user of await listDemoUsers({ db: platform.database.db })) lines.push(`  ${user.id.padEnd(26)} ${user.displayName} — ${user.description.en}`);
}
if (config.oidc) lines.push(`OpenID Connect login: ${config.oidc.issuer}`);
process.stdout.write(`${lines.join('\n')}\n\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void platform.close().then(() => process.exit(0), () => process.exit(1));
  });
}

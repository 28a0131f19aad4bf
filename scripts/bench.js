// npm run bench -- NAME: runs bench/NAME.ts, which ends with one line of key=value figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync(new URL('../bench', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
if (!name || !existsSync(new URL(`../bench/${name}.ts`, import.meta.url))) {
  process.stderr.write(`Usage: npm run bench -- NAME\nBenchmarks: ${available.join(', ')}\n`);
  process.exit(2);
}
const result = spawnSync('npx', ['tsx', `bench/${name}.ts`, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);

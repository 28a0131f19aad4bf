// npm run bench -- automation [JOBS]: the process automation's figures on PostgreSQL
// (BENCH_DATABASE_URL or the local postgres), measured in one run, ending with one line of
// key=value figures. Parts: the job queue against graphile-worker (bench/automationQueue.ts);
// automated steps against their bare SQL, and robot work items through the pull API, are
// plugged in at the places marked below.
import { measureQueue } from './automationQueue';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const jobs = Number(process.argv[2] ?? process.env.BENCH_JOBS ?? 5000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const log = (line: string) => process.stdout.write(`${line}\n`);

const figures: Record<string, number | string> = {};

// Queue: trivial jobs through the platform's engine beside graphile-worker (target queue_ratio >= 0.7).
Object.assign(figures, await measureQueue({ adminUrl, jobs, concurrency, log }));

// Steps: steps_per_s, bare_step_sql_per_s, step_ratio (automated workflow steps through the engine
// against the same statements run directly) — the process runtime's part goes here.

// Robots: robot_items_per_s (work items through the robot pull API) — the robot API's part goes here.

log(
  `jobs=${jobs} concurrency=${concurrency} ${Object.entries(figures)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')}`,
);

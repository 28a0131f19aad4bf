// npm run bench -- automation [JOBS]: the process automation's figures on PostgreSQL
// (BENCH_DATABASE_URL or the local postgres), measured in one run, ending with one line of
// key=value figures. Parts: the job queue against graphile-worker (bench/automationQueue.ts),
// automated workflow steps against the same statements run bare (bench/automationSteps.ts), and
// robot work items through the pull API (bench/automationRobots.ts).
import { measureQueue } from './automationQueue';
import { measureRobotItems } from './automationRobots';
import { measureAutomationSteps } from './automationSteps';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const jobs = Number(process.argv[2] ?? process.env.BENCH_JOBS ?? 5000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const log = (line: string) => process.stdout.write(`${line}\n`);

const figures: Record<string, number | string> = {};

// Queue: trivial jobs through the platform's engine beside graphile-worker (target queue_ratio >= 0.7).
Object.assign(figures, await measureQueue({ adminUrl, jobs, concurrency, log }));

// Steps: automated workflow steps through the engine (claim, decide, update case, timeline, audit,
// next job) beside the same statements run directly at the same concurrency (target step_ratio >= 0.5).
log('steps: automated mileage steps through the engine, then the same statements bare');
Object.assign(figures, await measureAutomationSteps({ adminUrl, concurrency }));

// Robots: work items fetched, locked and completed through the robot pull API over HTTP.
log('robots: work items through the pull API');
const robot = await measureRobotItems({ adminUrl });
figures.robot_items_per_s = robot.robot_items_per_s;
figures.robots = robot.robots;

log(
  `jobs=${jobs} concurrency=${concurrency} ${Object.entries(figures)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')}`,
);

// An example robot for Indgang's robot API: plain Node (>= 20), no dependencies.
// It orders child certificates ("børneattester"): fetch-and-lock a batch of work items, do the
// work, keep the lease alive while it runs, then complete each item (or report a business error
// or a failure). Run it with:
//   INDGANG_URL=http://localhost:3000 INDGANG_ROBOT_TOKEN=<robot id>.<secret> node examples/robot/robot.js
// Settings (environment): ROBOT_TOPIC (boerneattest.bestil), ROBOT_BATCH (5), ROBOT_LEASE_SECONDS (60),
// ROBOT_WORK_MS (how long one order takes, 500), ROBOT_EXIT_WHEN_EMPTY (stop when nothing is waiting),
// ROBOT_POLL_MS (wait between empty fetches, 5000).
import { randomBytes } from 'node:crypto';
import { clearInterval, setInterval } from 'node:timers';

const env = process.env;
const BASE = `${(env.INDGANG_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/api/robot/v1`;
const TOKEN = env.INDGANG_ROBOT_TOKEN;
const TOPIC = env.ROBOT_TOPIC ?? 'boerneattest.bestil';
const BATCH = Number(env.ROBOT_BATCH ?? 5);
const LEASE = Number(env.ROBOT_LEASE_SECONDS ?? 60);
const WORK_MS = Number(env.ROBOT_WORK_MS ?? 500);
const POLL_MS = Number(env.ROBOT_POLL_MS ?? 5000);
const EXIT_WHEN_EMPTY = env.ROBOT_EXIT_WHEN_EMPTY === 'true';

if (!TOKEN) {
  console.error('Set INDGANG_ROBOT_TOKEN to the credential an administrator created (Robotter in Indgang).');
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (event, data = {}) =>
  console.log(JSON.stringify({ at: new Date().toISOString(), event, ...data }));
const tally = { done: 0, businessErrors: 0, failed: 0, conflicts: 0, extended: 0 };

/** One call to the robot API; waits and tries again on 429, 503 and network errors. */
async function call(path, body) {
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(`${BASE}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500 * 2 ** attempt);
      continue;
    }
    if ((response.status === 429 || response.status === 503) && attempt < 5) {
      await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
      continue;
    }
    const answer = await response.json();
    if (response.status === 401) {
      console.error(`Refused: ${answer.error.message.en}`);
      process.exit(3);
    }
    return { status: response.status, answer };
  }
}

/** The work itself: ordering a child certificate in the police's system, simulated. */
async function orderChildCertificate(payload) {
  await sleep(WORK_MS);
  if (payload.remarks) return { businessError: 'Børneattesten har anmærkninger' };
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const reference = `BA-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
  return { output: { orderReference: reference, orderedAt: new Date().toISOString() } };
}

/** Keeps the leases of the items still being worked alive: extends each when half its lease is left. */
function keepLeases(items) {
  const open = new Map(items.map((item) => [item.id, Date.parse(item.lockedUntil)]));
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      for (const [id, until] of open) {
        if (until - Date.now() > (LEASE * 1000) / 2) continue;
        const { status, answer } = await call(`/work-items/${id}/extend-lease`, { leaseSeconds: LEASE });
        if (status === 200 && open.has(id)) {
          open.set(id, Date.parse(answer.lockedUntil));
          tally.extended++;
          log('extended', { id, lockedUntil: answer.lockedUntil });
        } else {
          open.delete(id); // Taken by another robot or finished: completing it will say so.
        }
      }
    } catch (error) {
      log('extend_failed', { error: String(error) }); // The next tick tries again.
    } finally {
      busy = false;
    }
  }, 1000);
  return { finished: (id) => open.delete(id), stop: () => clearInterval(timer) };
}

async function workItem(item) {
  let result;
  try {
    result = await orderChildCertificate(item.payload);
  } catch (error) {
    const { answer } = await call(`/work-items/${item.id}/fail`, { reason: String(error), retry: 'later' });
    tally.failed++;
    return log('failed', { id: item.id, outcome: answer.outcome });
  }
  const { status, answer } = result.businessError
    ? await call(`/work-items/${item.id}/business-error`, { reason: result.businessError })
    : await call(`/work-items/${item.id}/complete`, { output: result.output });
  if (status === 409) {
    // The lease passed and another robot has the item (or it was finished): leave it.
    tally.conflicts++;
    return log('conflict', { id: item.id, code: answer.error.code });
  }
  if (status !== 200) throw new Error(`${status}: ${JSON.stringify(answer)}`);
  if (result.businessError) tally.businessErrors++;
  else tally.done++;
  log(answer.outcome, { id: item.id, replayed: answer.replayed, ...result.output });
}

const { answer: me } = await call('/me');
log('started', { robot: me.name, topic: TOPIC });
for (;;) {
  const { status, answer } = await call('/work-items/fetch-and-lock', {
    topic: TOPIC,
    maxItems: BATCH,
    leaseSeconds: LEASE,
  });
  if (status !== 200) throw new Error(`${status}: ${answer.error?.message?.en ?? JSON.stringify(answer)}`);
  if (answer.items.length === 0) {
    if (EXIT_WHEN_EMPTY) break;
    await sleep(POLL_MS);
    continue;
  }
  const leases = keepLeases(answer.items);
  try {
    for (const item of answer.items) {
      await workItem(item);
      leases.finished(item.id);
    }
  } finally {
    leases.stop();
  }
}
log('finished', tally);

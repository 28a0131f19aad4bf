// Evaluations per second of the shipped mileage table: the domain's evaluateDecision, whose FEEL is
// compiled once when the table is read, beside the same table evaluated by calling feelin's
// unaryTest and evaluate on each cell's text for every evaluation (feelin parses on every call).
import { readFileSync } from 'node:fs';
import { date, evaluate, unaryTest } from 'feelin';
import { evaluateDecision } from '../packages/domain/src/decisions/evaluateDecision';
import { parseDecisionTables } from '../packages/domain/src/decisions/parseDecisionTables';
import { selectDecisionVersion } from '../packages/domain/src/decisions/selectDecisionVersion';
import type { DecisionTableVersions } from '../packages/domain/src/decisions/types';

const seconds = Number(process.argv[2] ?? 2);
const tables = await parseDecisionTables(
  readFileSync(new URL('../catalog/decisions/kilometertakst.dmn', import.meta.url), 'utf8'),
);

// Trips across both years and both sides of the 20,000 km limit.
const trips = Array.from({ length: 64 }, (_, i) => ({
  tripDate: `${i % 2 ? 2025 : 2026}-${String((i % 12) + 1).padStart(2, '0')}-15`,
  kmEarlierThisYear: (i * 733) % 30_000,
}));

/** The same decision with feelin called on each cell's text every time: no compiled cells. */
function uncached(versions: DecisionTableVersions, inputs: { tripDate: string; kmEarlierThisYear: number }) {
  const table = selectDecisionVersion(versions, inputs.tripDate);
  const context = { tripDate: date(inputs.tripDate), kmEarlierThisYear: inputs.kmEarlierThisYear };
  const values = table.inputs.map((input) => evaluate(input.expression, context).value);
  const matched = table.rules.filter((rule) =>
    rule.inputEntries.every(
      (entry, k) =>
        entry.text.trim() === '-' || unaryTest(entry.text, { ...context, '?': values[k] }).value === true,
    ),
  );
  return matched.map((rule) =>
    Object.fromEntries(
      table.outputs.map((o, k) => [o.name, evaluate(rule.outputEntries[k]!.text, context).value]),
    ),
  );
}

for (const trip of trips) {
  const a = JSON.stringify(evaluateDecision(tables, trip).outputs);
  const b = JSON.stringify(uncached(tables, trip));
  if (a !== b) throw new Error(`the two ways disagree on ${JSON.stringify(trip)}: ${a} vs ${b}`);
}

function perSecond(run: (trip: (typeof trips)[number]) => unknown): number {
  for (let i = 0; i < 2_000; i++) run(trips[i % trips.length]!); // warm up
  let count = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) run(trips[(count + i) % trips.length]!);
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

const cached = perSecond((trip) => evaluateDecision(tables, trip));
const direct = perSecond((trip) => uncached(tables, trip));
console.log(`mileage table, compiled FEEL: ${Math.round(cached).toLocaleString('en')} evaluations/s`);
console.log(
  `mileage table, feelin per cell per call: ${Math.round(direct).toLocaleString('en')} evaluations/s`,
);
console.log(
  `cached_per_s=${Math.round(cached)} uncached_per_s=${Math.round(direct)} ratio=${(cached / direct).toFixed(1)}`,
);

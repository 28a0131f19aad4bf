import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { migrate, openDatabase, type Database } from '@indgang/db';
import { evaluateBusinessCase } from '@indgang/schemas';
import {
  checkAuditTrail,
  DomainError,
  importOrgFile,
  loadActor,
  todayInDenmark,
  type AuditCheck,
} from '@indgang/domain';
import { loadConfig, type Config } from './config';
import { runWorkerProcess } from './runWorkerProcess';

const USAGE = `Usage: indgang <command>

  audit verify                 check the audit trail's hash chain and its signed anchors; exit 1 if any
                               entry was edited, deleted or re-chained, or the chain was shortened
  import FILE --as USER_ID     import organisation and people from a CSV or JSON file as an administrator
  worker                       run background jobs (and seal the audit trail) against DATABASE_URL until
                               stopped (SIGTERM); any number of workers and servers may share the database
  business-case evaluate FILE  compute a business case (JSON, amounts in 1,000 DKK): rows, cumulative
                               impact and payback time, printed as JSON; exit 1 naming each bad line

The database is DATABASE_URL, or the embedded one in INDGANG_DATA_DIR (default ./data).
`;

/** Opens and migrates the configured database for one command, and closes it afterwards. */
async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrate(database.pool);
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** One line an operator can act on. */
function auditVerdict(result: AuditCheck, anchorFile: string): string {
  if (result.anchorFileProblem)
    return `audit trail BROKEN: line ${result.anchorFileProblem.line} of ${anchorFile} is ${result.anchorFileProblem.reason.replace('_', ' ')}`;
  if (!result.ok && result.brokenAnchor)
    return `audit trail BROKEN (${result.reason}): the chain no longer holds the head anchored at position ${result.brokenAnchor.pos} on ${result.brokenAnchor.at}${result.firstBrokenSeq ? `, at entry ${result.firstBrokenSeq}` : ''}`;
  if (!result.ok) return `audit trail BROKEN at entry ${result.firstBrokenSeq} (${result.reason})`;
  const anchored = result.anchors?.lastPos
    ? `, matches ${result.anchors.checked} signed anchors up to position ${result.anchors.lastPos} (${result.anchors.lastAt})`
    : ', no anchor yet';
  return `audit trail intact: ${result.entries} entries, head ${result.headHash}${anchored}`;
}

async function main(args: string[]): Promise<number> {
  const [command, sub, ...rest] = args;
  if (command === 'audit' && sub === 'verify') {
    return withDatabase(async (database, config) => {
      const result = await checkAuditTrail({ db: database.db, anchors: config.audit }, null);
      process.stdout.write(`${JSON.stringify(result)}\n${auditVerdict(result, config.audit.anchorFile)}\n`);
      return result.ok ? 0 : 1;
    });
  }
  if (command === 'import' && sub) {
    const asIndex = rest.indexOf('--as');
    const userId = asIndex >= 0 ? rest[asIndex + 1] : undefined;
    if (!userId) {
      process.stderr.write(USAGE);
      return 2;
    }
    return withDatabase(async (database) => {
      const actor = await loadActor({ db: database.db }, userId, todayInDenmark());
      const format = extname(sub).toLowerCase() === '.json' ? 'json' : 'csv';
      const result = await importOrgFile(
        { db: database.db },
        actor,
        { format, text: await readFile(sub, 'utf8'), fileName: sub },
        (p) => {
          process.stderr.write(`\r${p.phase} ${p.done}/${p.total}   `);
        },
      );
      process.stdout.write(`\n${JSON.stringify(result)}\n`);
      return 0;
    }).catch((error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      process.stderr.write(`\n${error.text.da}\n${error.text.en}\n`);
      for (const f of error.fields)
        process.stderr.write(`  row ${f.row ?? '-'} ${f.column ?? f.path}: ${f.message.en}\n`);
      return 1;
    });
  }
  if (command === 'worker' && !sub) return runWorkerProcess(loadConfig());
  if (command === 'business-case' && sub === 'evaluate' && rest[0]) {
    let input: unknown;
    try {
      input = JSON.parse(await readFile(rest[0], 'utf8'));
    } catch (error) {
      process.stderr.write(
        `Filen kan ikke læses som JSON / The file cannot be read as JSON: ${(error as Error).message}\n`,
      );
      return 1;
    }
    const { result, issues } = evaluateBusinessCase(input);
    if (!result) {
      for (const issue of issues)
        process.stderr.write(`${issue.path || '(fil)'}: ${issue.message.da}\n  ${issue.message.en}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { migrate, openDatabase, type Database } from '@indgang/db';
import { evaluateBusinessCase } from '@indgang/schemas';
import { DomainError, importOrgFile, loadActor, sealAuditChain, todayInDenmark, verifyAuditChain } from '@indgang/domain';
import { loadConfig } from './config';

const USAGE = `Usage: indgang <command>

  audit verify                 check the audit trail's hash chain; exit 1 if any entry was edited or deleted
  import FILE --as USER_ID     import organisation and people from a CSV or JSON file as an administrator
  business-case evaluate FILE  compute a business case (JSON, amounts in 1,000 DKK): rows, cumulative
                               impact and payback time, printed as JSON; exit 1 naming each bad line

The database is DATABASE_URL, or the embedded one in INDGANG_DATA_DIR (default ./data).
`;

/** Opens and migrates the configured database for one command, and closes it afterwards. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await migrate(database.pool);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(args: string[]): Promise<number> {
  const [command, sub, ...rest] = args;
  if (command === 'audit' && sub === 'verify') {
    return withDatabase(async (database) => {
      await sealAuditChain(database.db);
      const result = await verifyAuditChain(database.db);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.stdout.write(result.ok ? `audit trail intact: ${result.entries} entries, head ${result.headHash}\n` : `audit trail BROKEN at entry ${result.firstBrokenSeq} (${result.reason})\n`);
      return result.ok ? 0 : 1;
    });
  }
  if (command === 'import' && sub) {
    const asIndex = rest.indexOf('--as');
    const userId = asIndex >= 0 ? rest[asIndex + 1] : undefined;
    if (!userId) { process.stderr.write(USAGE); return 2; }
    return withDatabase(async (database) => {
      const actor = await loadActor(database.db, userId, todayInDenmark());
      const format = extname(sub).toLowerCase() === '.json' ? 'json' : 'csv';
      const result = await importOrgFile({ db: database.db }, actor, { format, text: await readFile(sub, 'utf8'), fileName: sub }, (p) => {
        process.stderr.write(`\r${p.phase} ${p.done}/${p.total}   `);
      });
      process.stdout.write(`\n${JSON.stringify(result)}\n`);
      return 0;
    }).catch((error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      process.stderr.write(`\n${error.text.da}\n${error.text.en}\n`);
      for (const f of error.fields) process.stderr.write(`  row ${f.row ?? '-'} ${f.column ?? f.path}: ${f.message.en}\n`);
      return 1;
    });
  }
  if (command === 'business-case' && sub === 'evaluate' && rest[0]) {
    let input: unknown;
    try {
      input = JSON.parse(await readFile(rest[0], 'utf8'));
    } catch (error) {
      process.stderr.write(`Filen kan ikke læses som JSON / The file cannot be read as JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const { result, issues } = evaluateBusinessCase(input);
    if (!result) {
      for (const issue of issues) process.stderr.write(`${issue.path || '(fil)'}: ${issue.message.da}\n  ${issue.message.en}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));

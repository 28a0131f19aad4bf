import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { SEAL_LOCK, type ChainHeadRow } from './sealAuditChain';

/** Where the signing key and the anchors live: outside the database, by design. */
export interface AnchorFiles {
  /** PEM of the Ed25519 private key that signs each anchored head. */
  keyFile: string;
  /** Append-only file of signed heads, one JSON object per line. */
  anchorFile: string;
  /** PEM of the public key to trust when verifying; by default derived from `keyFile`. */
  publicKeyFile?: string;
}

/** One anchored head of the chain: its position and hash, when, and the signature over them. */
export interface AnchorLine {
  v: 1;
  chain: string;
  pos: number;
  hash: string;
  at: string;
  keyId: string;
  sig: string;
}

const CHAIN_ID_SETTING = 'audit.chain_id';

function signedText(line: Omit<AnchorLine, 'sig' | 'keyId'>): Buffer {
  return Buffer.from(`indgang-audit-anchor\n${line.v}\n${line.chain}\n${line.pos}\n${line.hash}\n${line.at}`);
}

/** A short, stable name of a public key, written on each line. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The database's chain identity, made once, so an anchor file cannot be checked against another database. */
async function chainId(db: Pick<Db, 'execute'>): Promise<string> {
  await db.execute(
    sql`INSERT INTO settings (key, value) VALUES (${CHAIN_ID_SETTING}, to_jsonb(gen_random_uuid()::text)) ON CONFLICT (key) DO NOTHING`,
  );
  const { rows } = await db.execute<{ id: string }>(
    sql`SELECT value #>> '{}' AS id FROM settings WHERE key = ${CHAIN_ID_SETTING}`,
  );
  return rows[0]!.id;
}

/** The signing key, or null when there is none (verifying never makes one). */
async function readSigningKey(keyFile: string): Promise<KeyObject | null> {
  const pem = await readFile(keyFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return pem ? createPrivateKey(pem) : null;
}

/** What signs anchors for one process: the key, its name, and the database's chain identity. */
export interface AnchorSigner {
  privateKey: KeyObject;
  keyId: string;
  chain: string;
  created: boolean;
}

/**
 * Loads the signing key, or makes one (readable by the owner only, its public key beside it) when
 * there is none yet, and the chain's identity: done once by the process that anchors.
 */
export async function openAnchorSigner(
  deps: { db: Pick<Db, 'execute'> },
  files: AnchorFiles,
): Promise<AnchorSigner> {
  const { db } = deps;
  let privateKey = await readSigningKey(files.keyFile);
  let created = false;
  if (!privateKey) {
    const pair = generateKeyPairSync('ed25519');
    await mkdir(dirname(files.keyFile), { recursive: true });
    await writeFile(files.keyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
    await writeFile(`${files.keyFile}.pub`, pair.publicKey.export({ type: 'spki', format: 'pem' }), {
      mode: 0o644,
    });
    privateKey = pair.privateKey;
    created = true;
  }
  return { privateKey, keyId: keyIdOf(createPublicKey(privateKey)), chain: await chainId(db), created };
}

/**
 * Signs the chain's head and appends it to the anchor file (fsync'ed), unless the head is the one
 * anchored last. One process at a time (the sealer's lock); refuses, and says so, when the link at
 * the last anchored position no longer has the anchored hash: the chain was rewritten, and
 * anchoring the new head would hide it.
 */
export async function anchorAuditChain(
  deps: { db: Db },
  signer: AnchorSigner,
  files: AnchorFiles,
  last: AnchorLine | null,
  now = new Date(),
): Promise<{ anchored: AnchorLine | null; tampered: boolean }> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const { rows: lock } = await tx.execute<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`,
    );
    if (!lock[0]?.ok) return { anchored: null, tampered: false };
    const {
      rows: [head],
    } = await tx.execute<ChainHeadRow>(sql`SELECT pos, hash FROM audit_chain ORDER BY pos DESC LIMIT 1`);
    if (!head) return { anchored: null, tampered: false };
    if (last) {
      const { rows: at } = await tx.execute<{ hash: string }>(
        sql`SELECT hash FROM audit_chain WHERE pos = ${last.pos}`,
      );
      if (at[0]?.hash !== last.hash) return { anchored: null, tampered: true };
      if (Number(head.pos) === last.pos) return { anchored: null, tampered: false };
    }
    const body = {
      v: 1 as const,
      chain: signer.chain,
      pos: Number(head.pos),
      hash: head.hash,
      at: now.toISOString(),
    };
    const line: AnchorLine = {
      ...body,
      keyId: signer.keyId,
      sig: sign(null, signedText(body), signer.privateKey).toString('base64'),
    };
    await mkdir(dirname(files.anchorFile), { recursive: true });
    const handle = await open(files.anchorFile, 'a', 0o644);
    try {
      await handle.appendFile(`${JSON.stringify(line)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { anchored: line, tampered: false };
  });
}

export interface AnchorReading {
  /** Lines whose signature holds under the trusted key, oldest first. */
  anchors: AnchorLine[];
  /** The first line that is not a well-formed anchor signed by the trusted key. */
  badLine: { line: number; reason: 'unreadable' | 'unknown_key' | 'bad_signature' } | null;
  keyId: string;
}

/** The public key to trust: the configured one, else the one of the signing key, else none. */
async function trustedKey(files: AnchorFiles): Promise<KeyObject | null> {
  if (files.publicKeyFile) return createPublicKey(await readFile(files.publicKeyFile, 'utf8'));
  const privateKey = await readSigningKey(files.keyFile);
  return privateKey ? createPublicKey(privateKey) : null;
}

/**
 * Reads the anchor file and checks every line's signature; a missing file has no anchors, and
 * anchors without a key to check them by are a problem, never taken on trust.
 */
export async function readAnchors(files: AnchorFiles): Promise<AnchorReading> {
  const key = await trustedKey(files);
  const text = await readFile(files.anchorFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  if (!key)
    return { anchors: [], badLine: text.trim() ? { line: 1, reason: 'unknown_key' } : null, keyId: '' };
  const keyId = keyIdOf(key);
  const anchors: AnchorLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.trim() === '') continue;
    let line: AnchorLine;
    try {
      line = JSON.parse(lines[i]!) as AnchorLine;
      if (
        line.v !== 1 ||
        typeof line.pos !== 'number' ||
        typeof line.hash !== 'string' ||
        typeof line.sig !== 'string'
      )
        throw new Error('shape');
    } catch {
      // A last line without its newline is a write cut short by a crash: the anchors before it stand.
      if (i === lines.length - 1) break;
      return { anchors, badLine: { line: i + 1, reason: 'unreadable' }, keyId };
    }
    if (line.keyId !== keyId) return { anchors, badLine: { line: i + 1, reason: 'unknown_key' }, keyId };
    const { sig, keyId: _keyId, ...body } = line;
    if (!verify(null, signedText(body), key, Buffer.from(sig, 'base64')))
      return { anchors, badLine: { line: i + 1, reason: 'bad_signature' }, keyId };
    anchors.push(line);
  }
  return { anchors, badLine: null, keyId };
}

/** The chain identity the anchors must carry. */
export async function auditChainId(deps: { db: Pick<Db, 'execute'> }): Promise<string> {
  const { db } = deps;
  return chainId(db);
}

import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startPlatform, type Platform } from './startPlatform';

/** Mail bodies with Danish letters arrive quoted-printable: soft line breaks and =XX bytes. */
function decodeQuotedPrintable(data: string): string {
  const joined = data.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** Receipt mail through a real SMTP server on loopback, sent by the platform's job worker. */
describe('mail to the submitter over SMTP', () => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let platform: Platform;
  let dataDir: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    dataDir = await mkdtemp(join(tmpdir(), 'indgang-smtp-'));
    platform = await startPlatform(
      loadConfig({
        INDGANG_DATA_DIR: dataDir,
        PORT: '0',
        INDGANG_DEMO_SCALE: '0.05',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: 'Koncernservice <ks@eksempel-kommune.test>',
      }),
      { logger: false },
    );
  });
  afterAll(async () => {
    await platform?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends the receipt with the case number when an employee submits', async () => {
    const login = await fetch(`${platform.url}/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' },
      body: JSON.stringify({ userId: 'demo-medarbejder' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await (await fetch(`${platform.url}/api/v1/me`, { headers: { cookie } })).json();
    const submitted = await fetch(`${platform.url}/api/v1/cases`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({
        serviceId: 'koerselsgodtgoerelse',
        answers: {
          trips: [{ date: '2026-11-02', from: 'Skolen', to: 'Rådhuset', km: '12,5', purpose: 'Møde' }],
        },
      }),
    });
    expect(submitted.status).toBe(201);
    const { number } = await submitted.json();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(received[0]!.to).toEqual([me.email]);
    expect(received[0]!.from).toBe('ks@eksempel-kommune.test');
    // The Message-ID comes from the job, so a mail sent again after a crash is recognisably the same.
    expect(received[0]!.data).toMatch(/^Message-ID: <job-\d+@127\.0\.0\.1>\r?$/im);
    const body = decodeQuotedPrintable(received[0]!.data);
    expect(body).toContain(`Sagsnummeret er ${number}.`);
    expect(body).toContain('Vi har modtaget din indberetning "Kørselsgodtgørelse"');
  });
});

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { ensureWebBuild } from '../../../../scripts/ensureWebBuild.js';
import { createTestApp, type TestApp } from '../testing/createTestApp';

const [pglite] = await testDatabaseTargets();

/** Where ensureWebBuild builds (and the server serves from). */
const webDist = process.env.INDGANG_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname;

const size = async (path: string) => (await stat(path)).size;

describe('the web app as delivered', () => {
  let t: TestApp;
  let script: string;
  let style: string;

  beforeAll(async () => {
    ensureWebBuild();
    t = await createTestApp(pglite!, { webDist });
    // The script and stylesheet every page loads: the ones the index page names (lazy chunks, such
    // as the diagram editor's, are loaded only where they are used).
    const index = await readFile(join(webDist, 'index.html'), 'utf8');
    script = /src="\/assets\/([^"]+\.js)"/.exec(index)![1]!;
    style = /href="\/assets\/([^"]+\.css)"/.exec(index)![1]!;
  }, 180_000);
  afterAll(() => t.close());

  const get = (url: string, encoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends the Brotli copy to a browser that accepts br, gzip to one that accepts gzip, the file to others', async () => {
    const url = `/assets/${script}`;
    const file = join(webDist, 'assets', script);
    const br = await get(url, 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBe(await size(`${file}.br`));
    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBe(await size(`${file}.gz`));
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBe(await size(file));
    for (const answer of [br, gz, plain]) expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it('caches hashed assets for a year, revalidates the index page on every load, and never stores API answers', async () => {
    for (const asset of [script, style])
      expect((await get(`/assets/${asset}`, 'br')).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    for (const page of ['/', '/index.html', '/sager/123']) {
      const index = await get(page, 'br');
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-encoding']).toBe('br');
      expect(index.headers['cache-control']).toBe('no-cache');
    }
    expect((await get('/api/v1/me')).headers['cache-control']).toBe('no-store');
    // The copies are not files of their own.
    expect((await get(`/assets/${script}.br`)).headers['content-type']).toMatch(/text\/html/);
  });

  it('sends the script and stylesheet at a fraction of their size', async () => {
    const figures: string[] = [];
    for (const asset of [script, style]) {
      const file = join(webDist, 'assets', asset);
      const [raw, br, gz] = await Promise.all([size(file), size(`${file}.br`), size(`${file}.gz`)]);
      figures.push(
        `${asset}: ${Math.round(raw / 1024)} KB raw, ${Math.round(gz / 1024)} KB gzip, ${Math.round(br / 1024)} KB br`,
      );
      expect(br).toBeLessThan(raw * 0.35);
      expect(br).toBeLessThan(gz);
    }
    process.stdout.write(`${figures.join('\n')}\n`);
  });
});

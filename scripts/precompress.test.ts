import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.js';

describe('precompress', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes Brotli and gzip copies beside text files that decompress to the original', async () => {
    dir = await mkdtemp(join(tmpdir(), 'precompress-'));
    await mkdir(join(dir, 'assets'));
    const script = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `tekst ${i}`))};`;
    await writeFile(join(dir, 'assets', 'index-abc123.js'), script);
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><html><body>${'<p>Indgang</p>'.repeat(50)}</body></html>`,
    );
    await writeFile(join(dir, 'assets', 'font.woff2'), Buffer.alloc(2000, 7));
    const results = await precompress(dir);
    expect(results.map((r) => r.path.slice(dir.length)).sort()).toEqual([
      '/assets/index-abc123.js',
      '/index.html',
    ]);
    const js = await readFile(join(dir, 'assets', 'index-abc123.js'));
    expect(brotliDecompressSync(await readFile(join(dir, 'assets', 'index-abc123.js.br')))).toEqual(js);
    expect(gunzipSync(await readFile(join(dir, 'assets', 'index-abc123.js.gz')))).toEqual(js);
    const entry = results.find((r) => r.path.endsWith('.js'))!;
    expect(entry.br).toBeLessThan(entry.gzip!);
    expect(entry.gzip).toBeLessThan(entry.size);
    // Fonts are compressed already: no copies.
    expect((await readdir(join(dir, 'assets'))).filter((f) => f.startsWith('font'))).toEqual(['font.woff2']);
  });

  it('writes no copy that would be larger than the original', async () => {
    dir = await mkdtemp(join(tmpdir(), 'precompress-'));
    await writeFile(join(dir, 'tiny.json'), '{}');
    const [result] = await precompress(dir);
    expect(result).toMatchObject({ size: 2, br: null, gzip: null });
    expect((await readdir(dir)).sort()).toEqual(['tiny.json']);
  });
});

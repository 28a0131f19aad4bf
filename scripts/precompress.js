import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text the browser fetches: what is worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|xml|map)$/;

async function* filesIn(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesIn(path);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield path;
  }
}

/**
 * Writes a Brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every text file in
 * `dir`, for the server to send as they are (@fastify/static `preCompressed`) instead of
 * compressing each request at a lower quality. A copy that would not be smaller is not written, so
 * the server sends the original. Returns each file with its three sizes.
 */
export async function precompress(dir) {
  const results = [];
  for await (const path of filesIn(dir)) {
    const content = await readFile(path);
    const [br, gzipped] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gz(content, { level: 9 }),
    ]);
    const written = { path, size: (await stat(path)).size, br: null, gzip: null };
    if (br.length < content.length) {
      await writeFile(`${path}.br`, br);
      written.br = br.length;
    }
    if (gzipped.length < content.length) {
      await writeFile(`${path}.gz`, gzipped);
      written.gzip = gzipped.length;
    }
    results.push(written);
  }
  return results;
}

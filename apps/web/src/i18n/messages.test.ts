import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bothLanguages, CATALOGUES, translate } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(CATALOGUES))('the %s catalogue', (_, catalogue) => {
  const da: Record<string, string> = catalogue.da;
  const en: Record<string, string> = catalogue.en;

  it('has the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('has no empty text', () => {
    const empty = Object.keys(da).flatMap((key) => [
      ...(da[key]?.trim() ? [] : [`da ${key}`]),
      ...(en[key]?.trim() ? [] : [`en ${key}`]),
    ]);
    expect(empty).toEqual([]);
  });

  it('has the same {placeholders} in both languages', () => {
    const differing = Object.keys(da).filter(
      (key) => placeholders(da[key]!).join() !== placeholders(en[key] ?? '').join(),
    );
    expect(differing).toEqual([]);
  });
});

describe('the message catalogues', () => {
  it('name each key in one catalogue only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, catalogue] of Object.entries(CATALOGUES))
      for (const key of Object.keys(catalogue.da)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${name})`);
        seen.set(key, name);
      }
    expect(twice).toEqual([]);
  });

  it('fill placeholders, in either language', () => {
    expect(translate('da', 'home.title', { name: 'Tina' })).toBe('Velkommen, Tina');
    expect(translate('en', 'home.title', { name: 'Tina' })).toBe('Welcome, Tina');
    expect(bothLanguages('common.serverError', { status: 502 })).toEqual({
      da: 'Serverfejl (502).',
      en: 'Server error (502).',
    });
  });
});

/**
 * Interface texts come from the catalogues through `t`; `pick` is for texts that arrive in both
 * languages (service definitions, API errors, the labels shared with the server). A literal
 * `{ da: '…', en: '…' }` in the web app's code is a text that bypassed the catalogues.
 */
describe('the web app source', () => {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const catalogues = fileURLToPath(new URL('./messages', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return path === catalogues ? [] : files(path);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });

  it('holds no inline Danish/English text literals outside the catalogues', () => {
    const inline = files(src).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(/\bda\s*:\s*[`'"]/g)].map((m) => {
        const line = text.slice(0, m.index).split('\n').length;
        return `${relative(src, path)}:${line}`;
      });
    });
    expect(inline).toEqual([]);
  });

  it('finds the pages and components it scans', () => {
    const scanned = files(src).map((path) => relative(src, path));
    expect(scanned).toContain(join('pages', 'benefits', 'KpiPage.tsx'));
    expect(scanned).toContain(join('components', 'benefits', 'KpiChart.tsx'));
    expect(scanned.some((path) => path.startsWith(join('i18n', 'messages')))).toBe(false);
  });
});

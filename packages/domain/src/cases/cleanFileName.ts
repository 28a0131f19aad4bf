import { DomainError } from '../errors/DomainError';

const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/**
 * Control characters, the marks that reverse or isolate text direction ("fil\u202Efdp.exe"),
 * invisible zero-width characters ("a.exe\u200B.pdf"), and halves of surrogate pairs.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A file name fit to store and show: without control or direction-changing characters and path
 * separators, at most 200 characters, and with an extension that matches what the file is. A name
 * whose extension says another type is refused; a name without one gets the right one.
 */
export function cleanFileName(raw: string, mimeType: string): string {
  const allowed = EXTENSIONS[mimeType] ?? [];
  let name = raw.normalize('NFC').replace(UNSAFE, '').replace(/[/\\]/g, '_').replace(/\s+/g, ' ').trim();
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (dot <= 0 || extension === '' || /\s/.test(extension)) {
    name = `${name || 'fil'}.${allowed[0] ?? 'bin'}`;
  } else if (!allowed.includes(extension)) {
    throw new DomainError('invalid', 'attachment_extension', {
      da: `Filnavnet ender på .${extension}, men filen er ${allowed.map((e) => `.${e}`).join('/')}. Omdøb filen, så navnet passer til indholdet.`,
      en: `The file name ends in .${extension}, but the file is ${allowed.map((e) => `.${e}`).join('/')}. Rename the file so its name matches its content.`,
    });
  }
  const chars = [...name];
  if (chars.length > 200) {
    // Cut by characters, not UTF-16 units, so no emoji is split in half.
    const ext = [...name.slice(name.lastIndexOf('.'))];
    name = [...chars.slice(0, 200 - ext.length), ...ext].join('');
  }
  return name;
}

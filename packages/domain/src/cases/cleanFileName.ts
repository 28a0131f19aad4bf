import { DomainError } from '../errors/DomainError';

const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** Control characters, and the marks that reverse or isolate text direction ("fil\u202Efdp.exe"). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

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
  if (name.length > 200) {
    const ext = name.slice(name.lastIndexOf('.'));
    name = `${name.slice(0, 200 - ext.length)}${ext}`;
  }
  return name;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF = 'application/pdf';
export const CSV = 'text/csv; charset=utf-8';

/** A Content-Disposition that downloads the answer as `name.ext`, with the characters file systems refuse replaced. */
export const fileName = (name: string, ext: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(`${name.replace(/[\\/:*?"<>|]/g, ' ').slice(0, 80)}.${ext}`)}`;

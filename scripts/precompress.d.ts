export interface Precompressed {
  path: string;
  size: number;
  /** Bytes of the `.br` copy, or null when Brotli would not make it smaller (no copy written). */
  br: number | null;
  /** Bytes of the `.gz` copy, or null when gzip would not make it smaller (no copy written). */
  gzip: number | null;
}
/** Writes `.br` and `.gz` copies beside each text file in `dir` that they make smaller. */
export function precompress(dir: string): Promise<Precompressed[]>;

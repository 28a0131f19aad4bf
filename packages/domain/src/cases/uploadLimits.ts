/** How much one person may upload, and how much one case may hold. */
export interface UploadLimits {
  filesPerUserPerDay: number;
  bytesPerUserPerDay: number;
  filesPerCase: number;
  bytesPerCase: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  filesPerUserPerDay: 200,
  bytesPerUserPerDay: 500 * 1024 * 1024,
  filesPerCase: 50,
  bytesPerCase: 200 * 1024 * 1024,
};

/** Uploads that never joined a case are deleted after this many hours. */
export const UNATTACHED_UPLOAD_HOURS = 24;

/** Bytes as whole megabytes, for messages. */
export const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

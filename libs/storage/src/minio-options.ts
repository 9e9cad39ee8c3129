export interface StorageOptions {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  /** Buckets this service writes to; created (versioned, object-locked) at start if missing. */
  buckets: string[];
}

export const STORAGE_OPTIONS = Symbol('STORAGE_OPTIONS');

/** 5 MiB parts (the S3 minimum): an upload of unknown size is never held whole in memory. */
export const UPLOAD_PART_SIZE = 5 * 1024 * 1024;

/** Parts of one upload sent at once: an upload holds at most (3 + 1) × 5 MiB, whatever its size. */
export const UPLOAD_PARTS_IN_FLIGHT = 3;

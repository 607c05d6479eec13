// Upload limits, importable from client components (no other imports).
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Uncompressed size and entry count a genuine template never comes near (zip-bomb guard). */
export const MAX_UNZIPPED_BYTES = 60 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;
export const MAX_ROWS_PER_SHEET = 2_000;

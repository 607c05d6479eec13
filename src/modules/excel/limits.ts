// Upload limits, importable from client components (no other imports).
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Bytes the reader may inflate from one upload, counted as they come out (the sizes a zip
 * declares are only used to refuse early, never trusted), and the entry count: a genuine template
 * never comes near either (zip-bomb guard).
 */
export const MAX_UNZIPPED_BYTES = 60 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;
export const MAX_ROWS_PER_SHEET = 2_000;
/** Cells holding something, over the sheets read (2,000 rows of 13 columns is 26,000). */
export const MAX_CELLS = 100_000;
/** Characters in one cell: Excel's own limit is 32,767. */
export const MAX_CELL_CHARS = 40_000;

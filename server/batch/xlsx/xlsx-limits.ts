/**
 * What an .xlsx member list may cost to read. A 10,000-row list of about twenty columns is a few MB of XML, with one
 * shared string per distinct cell; these bounds are ten times that and still keep a reader within ~150 MB. The ZIP
 * limits are checked on the central directory before anything is inflated, and again on the bytes really inflated.
 */
export interface XlsxLimits {
  /** Entries in the ZIP (a workbook has about a dozen; Excel's own need a few per sheet). */
  maxEntries: number;
  /** What one entry may inflate to. */
  maxEntryBytes: number;
  /** What all entries together claim to inflate to. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for entries above `ratioFloorBytes` (XML deflates 5–20:1; bombs 1,000:1). */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Shared strings: how many, and their characters in total. */
  maxSharedStrings: number;
  maxSharedChars: number;
  /** Cell styles (Excel allows about 64,000). */
  maxStyles: number;
  /** `<row>` elements read in the sheet, empty ones included (empty rows are skipped, but reading them costs). */
  maxSheetRows: number;
  /** Cells with a value beyond this column, or a row longer than `maxRowChars`, refuse the file. */
  maxColumns: number;
  maxRowChars: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 200,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxSharedStrings: 500_000,
  maxSharedChars: 16 * 1024 * 1024,
  maxStyles: 100_000,
  maxSheetRows: Number.MAX_SAFE_INTEGER,
  maxColumns: 500,
  maxRowChars: 64 * 1024,
};

/** Empty rows allowed beyond the member rows (formatting left in a sheet writes some). */
export const BLANK_ROWS_ALLOWED = 10_000;

/** The `<row>` budget for a list of at most `maxRows` member rows: the header, the rows, and some blank ones. */
export function sheetRowBudget(maxRows: number): number {
  return maxRows >= Number.MAX_SAFE_INTEGER - BLANK_ROWS_ALLOWED
    ? Number.MAX_SAFE_INTEGER
    : maxRows + 1 + BLANK_ROWS_ALLOWED;
}

/**
 * The worker thread's heap: a reader within the limits above stays far below it; past it (a bug, or a file that
 * finds a way around them) the worker dies and the upload is refused, the web process untouched.
 */
export const XLSX_WORKER_RESOURCE_LIMITS = {
  maxOldGenerationSizeMb: 192,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
};

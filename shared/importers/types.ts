/**
 * Importers are pure pipelines: bytes → sheet rows → detected table → validated records (with issues) → one DB
 * transaction. Problems are data: an ImportIssue names the file, sheet, row and column, with a message code.
 */
export type Cell = string | number | boolean | null;

export interface SheetRows {
  readonly name: string;
  /** Rows as read, 0-based here; messages show them 1-based, as a spreadsheet does. */
  readonly rows: readonly (readonly Cell[])[];
  /** CSV: every row should have as many fields as the header; a shorter one is broken (e.g. a cut-off file). */
  readonly fixedWidth?: boolean;
  /** CSV: 0-based rows the parser could not close (an open quote). */
  readonly brokenRows?: ReadonlySet<number>;
}

export interface ImportIssue {
  readonly level: 'fout' | 'waarschuwing';
  /** i18n key under "import." */
  readonly code: string;
  readonly file: string;
  readonly sheet?: string;
  /** 1-based row number as the user sees it in the file. */
  readonly row?: number;
  /** Column header (or letter) as the user sees it. */
  readonly column?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Hard limits on untrusted input (safety-and-speed §7.12). */
export const LIMITS = {
  maxFileBytes: 100 * 1024 * 1024,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  /** An xlsx/ods (a zip) may unpack to this much in all (a "zip bomb" of 1 MB can unpack to gigabytes). */
  maxUnpackedBytes: 200 * 1024 * 1024,
  /** A large part of a zip may grow at most this many times when unpacked. */
  maxZipRatio: 100,
} as const;

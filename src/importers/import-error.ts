/**
 * The error every importer throws for input it cannot convert (SPEC §13: exit 2 with the file,
 * line, field and reason). A stable `code` lets callers branch without reading message text.
 */

export type ImportErrorCode =
  | 'too_large'
  | 'invalid_encoding'
  | 'invalid_json'
  | 'too_deep'
  | 'invalid_csv'
  | 'missing_column'
  | 'ambiguous_date_order'
  | 'invalid_archive'
  | 'archive_limit'
  | 'invalid_xml'
  | 'invalid_calendar'
  | 'invalid_options'
  | 'invalid_identities'
  | 'invalid_spreadsheet'
  | 'unsupported_input';

/** Where in the input the problem is; every field is optional because formats differ. */
export interface ImportErrorLocation {
  /** 1-based line in the decoded text. */
  line?: number;
  /** Byte offset in the input (or in the archive entry). */
  offset?: number;
  /** Archive entry or sheet name. */
  entry?: string;
  /** Column, JSON path or option name. */
  field?: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly location: ImportErrorLocation;

  constructor(code: ImportErrorCode, message: string, location: ImportErrorLocation = {}) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.location = location;
  }

  /** `entry: line 3: field "Due Date": reason` — the location parts that are known. */
  describe(): string {
    const parts: string[] = [];
    const l = this.location;
    if (l.entry !== undefined) parts.push(`entry ${JSON.stringify(l.entry)}`);
    if (l.line !== undefined) parts.push(`line ${l.line}`);
    if (l.offset !== undefined) parts.push(`byte offset ${l.offset}`);
    if (l.field !== undefined) parts.push(`field ${JSON.stringify(l.field)}`);
    return parts.length > 0 ? `${parts.join(', ')}: ${this.message}` : this.message;
  }
}

/**
 * The shapes every importer shares: the input it reads, the report it writes (SPEC §10, issue 5:
 * counts per event type, every skipped row and why, every external identity seen, the defaults
 * used, notes) and the result `convertExport` returns.
 */
import type { EventType, TandemEvent } from '#core/events/event-types';

export const IMPORT_FORMATS = [
  'trello',
  'asana',
  'toggl',
  'clockify',
  'slack',
  'mbox',
  'jira',
  'ics',
  'csv',
  'xlsx',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

import { IDENTITY_KINDS, type IdentityKind } from '#core/sources/identity-key';

export { IDENTITY_KINDS, type IdentityKind };

/** A set of named files, e.g. an unzipped Slack export read from a folder. */
export interface ExportFiles {
  kind: 'files';
  files: { name: string; bytes: Uint8Array }[];
}

/** Bytes, a byte stream (a Node Readable is one) or a set of files. */
export type ImportInput = Uint8Array | AsyncIterable<Uint8Array> | ExportFiles;

export interface SkippedRecord {
  /** 1-based line of the row in the decoded text, when the format has lines. */
  line?: number;
  /** Archive entry, sheet or record kind ("card", "message 12"). */
  entry?: string;
  /** Byte offset in the input (mbox messages). */
  offset?: number;
  /** The record's id in the source, when it has one. */
  externalId?: string;
  reason: string;
}

export interface SeenIdentity {
  kind: IdentityKind;
  id: string;
  name?: string;
  /** The assistant it maps to, when the identities map (or `--assistant`) names one. */
  assistant?: string;
  /** How many records referred to it. */
  count: number;
}

export interface ImportReport {
  format: ImportFormat;
  /** Events per §3 type. */
  counts: Partial<Record<EventType, number>>;
  events: number;
  /** The skipped records, in input order (the first `MAX_LISTED_SKIPS`; `skippedTotal` counts all). */
  skipped: SkippedRecord[];
  skippedTotal: number;
  /** Every external identity seen, sorted by kind then id. */
  identities: SeenIdentity[];
  /** The identities no assistant is mapped to (a subset of `identities`). */
  unmappedIdentities: SeenIdentity[];
  /** Choices the file could not tell, taken from defaults rather than the options (SPEC §10). */
  defaultsUsed: string[];
  /** Derivations worth knowing: date-only completions, deadline moves, ragged rows… */
  notes: string[];
}

export interface ConvertResult {
  events: TandemEvent[];
  report: ImportReport;
}

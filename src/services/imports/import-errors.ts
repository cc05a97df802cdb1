/**
 * Import failures as API errors (SPEC §13: a JSON body with the right 4xx) and the size caps an
 * upload is checked against before any parsing (issue 5 §5; docs/importers.md "Size caps").
 */
import { SIZE_CAPS } from '#importers/common/size-caps';
import { ImportError } from '#importers/import-error';
import type { ImportFormat } from '#importers/import-types';
import { AppError } from '#src/errors';

/** The largest upload each format accepts (mbox has no converter cap; the route's body cap applies). */
export const UPLOAD_CAPS: Record<ImportFormat, number | null> = {
  trello: SIZE_CAPS.jsonBytes,
  asana: SIZE_CAPS.csvBytes,
  toggl: SIZE_CAPS.csvBytes,
  clockify: SIZE_CAPS.csvBytes,
  jira: SIZE_CAPS.csvBytes,
  csv: SIZE_CAPS.csvBytes,
  xlsx: SIZE_CAPS.xlsxBytes,
  ics: SIZE_CAPS.icsBytes,
  slack: SIZE_CAPS.zipBytes,
  mbox: null,
};

/** 413 before parsing when the file is over its format's cap. */
export function checkUploadSize(format: ImportFormat, size: number): void {
  const cap = UPLOAD_CAPS[format];
  if (cap !== null && size > cap)
    throw new AppError('payload_too_large', `A ${format} export may be at most ${cap} bytes`, {
      limit: cap,
      size,
    });
}

/** ImportError → AppError: too large 413, bad options 400, unreadable input 422; the code is kept. */
export function importFailure(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (!(err instanceof ImportError)) return null;
  const details = { importCode: err.code, ...err.location };
  if (err.code === 'too_large' || err.code === 'archive_limit')
    return new AppError('payload_too_large', err.describe(), details);
  if (err.code === 'invalid_options' || err.code === 'invalid_identities')
    return new AppError('validation_failed', err.describe(), details);
  return new AppError('unprocessable', err.describe(), details);
}

/** The stable code stored on a failed job: the importer's own code when there is one. */
export function failureCode(err: AppError): string {
  const c = err.details?.importCode;
  return typeof c === 'string' ? c : err.code;
}

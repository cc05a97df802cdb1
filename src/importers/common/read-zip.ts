/**
 * Reads a zip archive in memory with the hostile-input checks of issue 5 §5: entry count and
 * declared sizes checked before inflating; bytes actually inflated, per entry and in total, and
 * the inflate ratio checked while inflating (a zip bomb stops within its first MiB past the
 * ratio); nested archives, symbolic links and encrypted entries refused. Entry names are only
 * ever compared as strings, never used as filesystem paths.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportError } from '../import-error.ts';
import { SIZE_CAPS } from './size-caps.ts';

export interface ZipEntryData {
  name: string;
  bytes: Uint8Array;
}

export interface ZipLimits {
  entries: number;
  inflatedBytes: number;
  entryBytes: number;
  ratio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  entries: SIZE_CAPS.zipEntries,
  inflatedBytes: SIZE_CAPS.zipInflatedBytes,
  entryBytes: SIZE_CAPS.zipEntryBytes,
  ratio: SIZE_CAPS.zipRatio,
};

const ARCHIVE_NAME = /\.(zip|jar|gz|tgz|tar|bz2|xz|7z|rar|zst)$/i;
const MiB = 1024 * 1024;

function isSymlink(e: Entry): boolean {
  // Unix mode in the high 16 bits of the external attributes (made on Unix: version made by >> 8 = 3).
  const mode = (e.externalFileAttributes >>> 16) & 0o170000;
  return mode === 0o120000;
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function inflate(zip: ZipFile, e: Entry, limits: ZipLimits, total: { bytes: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (err, stream) => {
      if (err || !stream) {
        reject(
          new ImportError('invalid_archive', `cannot read entry: ${err?.message ?? 'no stream'}`, {
            entry: e.fileName,
          }),
        );
        return;
      }
      const parts: Buffer[] = [];
      let n = 0;
      const ratioCap = Math.max(MiB, e.compressedSize * limits.ratio);
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        total.bytes += chunk.length;
        let problem: string | undefined;
        if (n > limits.entryBytes) problem = `inflates past the ${limits.entryBytes} byte entry limit`;
        else if (n > ratioCap)
          problem = `inflates more than ${limits.ratio}× its compressed size (${e.compressedSize} bytes): a zip bomb?`;
        else if (total.bytes > limits.inflatedBytes)
          problem = `the archive inflates past the ${limits.inflatedBytes} byte limit`;
        if (problem) {
          stream.destroy();
          reject(new ImportError('archive_limit', problem, { entry: e.fileName }));
          return;
        }
        parts.push(chunk);
      });
      stream.on('error', (e2: Error) =>
        reject(
          e2 instanceof ImportError
            ? e2
            : new ImportError('invalid_archive', e2.message, { entry: e.fileName }),
        ),
      );
      stream.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
}

/**
 * Every file entry the `wanted` test accepts, inflated. Directories are skipped; the checks apply
 * to every entry, wanted or not.
 */
export async function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipEntryData[]> {
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch (err) {
    throw new ImportError('invalid_archive', `not a readable zip archive: ${(err as Error).message}`);
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw new ImportError(
      'archive_limit',
      `the archive has ${zip.entryCount} entries; the limit is ${limits.entries}`,
    );
  }
  const out: ZipEntryData[] = [];
  const total = { bytes: 0 };
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) =>
        reject(err instanceof ImportError ? err : new ImportError('invalid_archive', err.message)),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (e: Entry) => {
        const name = e.fileName;
        const next = () => zip.readEntry();
        if (name.endsWith('/')) return next();
        const fail = (msg: string) => reject(new ImportError('invalid_archive', msg, { entry: name }));
        if (isSymlink(e)) return fail('symbolic links are not accepted');
        if (e.isEncrypted()) return fail('encrypted entries are not accepted');
        if (ARCHIVE_NAME.test(name)) return fail('nested archives are not accepted');
        if (e.uncompressedSize > limits.entryBytes)
          return reject(
            new ImportError(
              'archive_limit',
              `declares ${e.uncompressedSize} bytes; the entry limit is ${limits.entryBytes}`,
              { entry: name },
            ),
          );
        if (!wanted(name)) return next();
        inflate(zip, e, limits, total).then((data) => {
          // A nested archive under another name: zip or gzip magic bytes.
          if (
            (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) ||
            (data[0] === 0x1f && data[1] === 0x8b)
          )
            return fail('nested archives are not accepted');
          out.push({ name, bytes: data });
          next();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

/**
 * A minimal ustar writer and reader for the workspace archive (regular files only). Written here
 * rather than added as a dependency: it is ~80 lines, and the reader refuses anything but plain
 * files with safe names, which is what restoring an untrusted archive needs.
 */
import { AppError } from '#src/errors';

const BLOCK = 512;

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function writeTar(files: { name: string; data: Buffer | string }[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    if (Buffer.byteLength(f.name) > 99) throw new Error(`tar name too long: ${f.name}`);
    const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    parts.push(header(f.name, data.length, mtime), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

export function readTar(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let off = 0;
  while (off + BLOCK <= buf.length) {
    const h = buf.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(
      h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0',
      8,
    );
    const kind = String.fromCharCode(h[156] ?? 0);
    if (!Number.isSafeInteger(size) || size < 0 || off + BLOCK + size > buf.length)
      throw new AppError('validation_failed', 'archive: truncated or corrupt tar entry', { entry: name });
    if ((kind !== '0' && kind !== '\0') || !/^[A-Za-z0-9._-]+$/.test(name))
      throw new AppError('validation_failed', `archive: unexpected entry ${JSON.stringify(name)}`, {
        entry: name,
      });
    out.set(name, Buffer.from(buf.subarray(off + BLOCK, off + BLOCK + size)));
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}

/**
 * Mail header parsing, headers only (SPEC §10: bodies are never read): unfolding, RFC 2047
 * encoded words decoded by their declared charset, addresses in the usual and the pipermail
 * (`user at example.com`) forms, and message ids as they appear in Message-ID, In-Reply-To and
 * References (empty, folded, with free text around them, or missing their `>`).
 */
import { isUtf8 } from 'node:buffer';

/** Header name (lower case) → values in order. */
export type HeaderMap = Map<string, string[]>;

/** Decodes a header block: UTF-8 when it is valid UTF-8, else Latin-1 (raw 8-bit headers). */
export function parseHeaderBlock(block: Uint8Array): HeaderMap {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.length);
  const text = isUtf8(buf) ? buf.toString('utf8') : buf.toString('latin1');
  const out: HeaderMap = new Map();
  let name: string | undefined;
  let value = '';
  const flush = () => {
    if (name === undefined) return;
    const list = out.get(name);
    if (list) list.push(value.trim());
    else out.set(name, [value.trim()]);
  };
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && name !== undefined) {
      value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return out;
}

export function header(h: HeaderMap, name: string): string | undefined {
  return h.get(name)?.[0];
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function decodeWord(charset: string, enc: string, data: string): string | null {
  let bytes: Uint8Array;
  if (enc === 'b' || enc === 'B') bytes = Buffer.from(data, 'base64');
  else {
    const s = data.replace(/_/g, ' ');
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
        out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(s.charCodeAt(i) & 0xff);
    }
    bytes = Uint8Array.from(out);
  }
  try {
    // The declared charset (RFC 2231 language suffix dropped).
    return new TextDecoder(charset.split('*')[0]?.toLowerCase() ?? 'utf-8').decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes RFC 2047 encoded words; whitespace between adjacent encoded words is dropped. */
export function decodeEncodedWords(s: string): string {
  if (!s.includes('=?')) return s;
  return s
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      ENCODED_WORD,
      (whole, cs: string, enc: string, data: string) => decodeWord(cs, enc, data) ?? whole,
    );
}

export interface Mailbox {
  address: string;
  name?: string;
}

const ANGLE = /<([^<>\s]+@[^<>\s]+)>/;
const BARE = /([^\s<>(),;:"]+@[^\s<>(),;:"]+)/;
const PIPERMAIL = /^([^\s@]+) at ([^\s()]+)/;

/** The first mailbox of an address header (From), with its decoded display name. */
export function parseMailbox(value: string | undefined): Mailbox | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const pm = PIPERMAIL.exec(v);
  if (pm) {
    const name = /\(([^)]*)\)/.exec(v)?.[1];
    return {
      address: `${pm[1]}@${pm[2]}`.toLowerCase(),
      ...(name ? { name: decodeEncodedWords(name).trim() } : {}),
    };
  }
  const a = ANGLE.exec(v);
  if (a) {
    const raw = v.slice(0, a.index).trim().replace(/^"|"$/g, '');
    const name = decodeEncodedWords(raw).trim();
    return { address: (a[1] as string).toLowerCase(), ...(name ? { name } : {}) };
  }
  const b = BARE.exec(v);
  if (!b) return undefined;
  const name = /\(([^)]*)\)/.exec(v)?.[1];
  return {
    address: (b[1] as string).toLowerCase(),
    ...(name ? { name: decodeEncodedWords(name).trim() } : {}),
  };
}

/** Every address in To/Cc-style headers (names are not needed there). */
export function parseAddressList(values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    for (const m of v.matchAll(/([^\s<>(),;:"]+@[^\s<>(),;:"]+)/g)) out.push((m[1] as string).toLowerCase());
    for (const m of v.matchAll(/(?:^|[\s,])([^\s@,]+) at ([^\s(),]+\.[^\s(),]+)/g))
      out.push(`${m[1]}@${m[2]}`.toLowerCase());
  }
  return [...new Set(out)];
}

/** Message ids in a header value: `<id>` forms, tolerating a missing `>` at the end. */
export function parseMessageIds(values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? [])
    for (const m of v.matchAll(/<([^<>\s]+@[^<>\s]+)>?/g)) out.push(m[1] as string);
  return out;
}

/**
 * Password hashing with node:crypto scrypt (memory-hard; see docs/dependencies.md for why not a
 * library). The stored form `scrypt$N$r$p$salt$hash` carries its parameters so they can be raised
 * later without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEYLEN = 32;
export const DEFAULT_SCRYPT_N = 1 << 15;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEYLEN,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string, N = DEFAULT_SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, 8, 1);
  return `scrypt$${N}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time comparison; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length !== KEYLEN)
    return false;
  const key = await derive(password, salt, N, r, p);
  return timingSafeEqual(key, expected);
}

const dummyCache = new Map<number, Promise<string>>();

/**
 * A hash of a random password at the given cost: verifying against it when the e-mail is unknown
 * makes that answer take as long as a wrong password does.
 */
export function dummyHash(N = DEFAULT_SCRYPT_N): Promise<string> {
  let h = dummyCache.get(N);
  if (!h) {
    h = hashPassword(randomBytes(16).toString('hex'), N);
    dummyCache.set(N, h);
  }
  return h;
}

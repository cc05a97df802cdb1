/**
 * The password policy: length over composition rules (NIST SP 800-63B). Long passphrases are
 * welcome; very common or trivially guessable passwords are refused.
 */
import { AppError } from '#src/errors';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

/** Throws AppError('validation_failed') naming the `password` field when the policy refuses it. */
export function assertPasswordAcceptable(password: string, email?: string): void {
  const refuse = (reason: string): never => {
    throw new AppError('validation_failed', `password: ${reason}`, { field: 'password', reason });
  };
  const chars = [...password];
  if (chars.length < MIN_PASSWORD) refuse(`use at least ${MIN_PASSWORD} characters (a passphrase is fine)`);
  if (chars.length > MAX_PASSWORD) refuse(`use at most ${MAX_PASSWORD} characters`);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) refuse('this password is too common');
  if (new Set(chars).size < 4) refuse('this password is too easy to guess');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    refuse('do not use your e-mail address in the password');
  if (/^(?:0123456789|1234567890|qwertyuiop|abcdefghij)/.test(lower))
    refuse('this password is too easy to guess');
}

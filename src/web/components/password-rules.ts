/** The server's password policy in words (src/services/auth/password-policy.ts refuses the rest). */
export const PASSWORD_HINT = 'At least 10 characters. A passphrase of a few words is ideal.';

/** A first check in the browser; the server has the last word. */
export function passwordProblem(password: string, confirm: string): string | null {
  if ([...password].length < 10) return 'Use at least 10 characters (a passphrase is fine).';
  if (password !== confirm) return 'The two passwords differ.';
  return null;
}

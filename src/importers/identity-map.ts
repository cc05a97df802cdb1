/**
 * The identities map: which external identity is which assistant (SPEC §10, §13 `--identities`).
 * A JSON object whose keys are `<kind>:<external id>` and whose values are assistant ids:
 *
 *   { "email:ann@example.com": "ann", "slack:U0BMQB6JE": "ann", "trello:5e20e06c…": "ann" }
 *
 * Kinds: email, slack, trello, asana, toggl, clockify, jira. E-mail addresses compare without
 * case; other ids compare exactly.
 */
import { z } from 'zod';
import { identityKey } from '#core/sources/identity-key';
import { ImportError } from './import-error.ts';
import { IDENTITY_KINDS, type IdentityKind } from './import-types.ts';

const KEY_RE = new RegExp(`^(${IDENTITY_KINDS.join('|')}):(.+)$`, 's');

export const IdentityMapSchema = z
  .record(
    z
      .string()
      .regex(
        KEY_RE,
        'keys are "<kind>:<external id>", kind one of email, slack, trello, asana, toggl, clockify, jira',
      ),
    z.string().min(1).max(512).describe('the assistant id'),
  )
  .describe('external identity → assistant id');
export type IdentityMapInput = z.infer<typeof IdentityMapSchema>;

export { identityKey };

/** Validates a parsed identities map into a lookup table; throws `ImportError('invalid_identities')`. */
export function compileIdentityMap(input: unknown): Map<string, string> {
  const parsed = IdentityMapSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    throw new ImportError('invalid_identities', `identities map: ${issue?.message ?? 'invalid'}`, {
      field: where || undefined,
    });
  }
  const out = new Map<string, string>();
  for (const [key, assistant] of Object.entries(parsed.data)) {
    const m = KEY_RE.exec(key);
    if (!m) continue;
    out.set(identityKey(m[1] as IdentityKind, m[2] as string), assistant);
  }
  return out;
}

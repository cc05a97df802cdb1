/**
 * A set-password link for an account named by its e-mail, issued by whoever runs the server
 * (`tandem password-link`): the way back in for a sole owner who is locked out, whom no other
 * owner can send a link and whom `tandem init` refuses (it never touches an existing owner). The
 * link is single-use and expires like every password link; the issue is audited in every
 * workspace the account belongs to (SPEC §11: every change is in the audit log).
 */
import { eq } from 'drizzle-orm';
import { members } from '#db/schema/members';
import { users } from '#db/schema/users';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { ServiceDeps } from '../service-context.ts';
import { createPasswordLink, RESET_TTL_MS } from './password-reset.ts';
import { normalizeEmail } from './sign-in.ts';

export interface IssuedPasswordLink {
  userId: string;
  email: string;
  setPasswordUrl: string;
  expiresAt: Date;
  /** The workspaces the account belongs to (each has the audit entry). */
  workspaces: string[];
}

/** Issues the link, or AppError('not_found') when no account has that e-mail. */
export async function issuePasswordLinkForEmail(
  deps: ServiceDeps,
  email: string,
  actor: string,
): Promise<IssuedPasswordLink> {
  const address = normalizeEmail(email);
  return deps.db.transaction(async (tx) => {
    const found = await tx.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
    const user = found[0];
    if (!user) throw new AppError('not_found', `No account has the e-mail ${address}`);
    const setPasswordUrl = await createPasswordLink(deps, user.id, tx);
    const memberships = await tx
      .select({ workspaceId: members.workspaceId })
      .from(members)
      .where(eq(members.userId, user.id));
    for (const m of memberships)
      await writeAudit(tx, {
        workspaceId: m.workspaceId,
        actor,
        action: 'account.password-link',
        target: `user:${user.id}`,
      });
    return {
      userId: user.id,
      email: address,
      setPasswordUrl,
      expiresAt: new Date(deps.now() + RESET_TTL_MS),
      workspaces: memberships.map((m) => m.workspaceId),
    };
  });
}

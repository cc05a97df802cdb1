/**
 * A password link an owner issues for a member (Settings → Members). An account is global — one
 * per e-mail — and may belong to other workspaces, even own them; a link from this workspace's
 * owner would then hand those over too (SPEC §1: nothing ever crosses tenants). So the link is
 * issued only for an account whose one membership is this workspace, and every issue is audited.
 */

import { eq } from 'drizzle-orm';
import { members } from '#db/schema/members';
import { users } from '#db/schema/users';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { createPasswordLink } from '../auth/password-reset.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

export async function issueMemberPasswordLink(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ workspaceId: members.workspaceId, passwordHash: users.passwordHash })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.userId, userId));
    if (!rows.some((r) => r.workspaceId === actor.workspaceId))
      throw new AppError('not_found', 'No such member');
    // Even an account without a password yet is refused when it belongs elsewhere: whoever sets
    // its first password holds those workspaces too.
    if (rows.length > 1)
      throw new AppError(
        'account_in_other_workspaces',
        'This person’s account also belongs to other workspaces, so a link from here could take those over. Ask them to use “Forgot password” on the sign-in page, or to change their password while signed in.',
      );
    const url = await createPasswordLink(deps, userId, tx);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'member.password-link',
      target: `member:${userId}`,
      after: { hadPassword: rows[0]?.passwordHash != null },
    });
    return url;
  });
}

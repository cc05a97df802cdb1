/**
 * External identities (SPEC §10): the kinds of ids that map to assistants, and the one way to
 * write an identity as a lookup key — e-mail addresses compare without case or surrounding space;
 * other ids compare exactly. Importers, webhooks and the identities API all use this.
 */

export const IDENTITY_KINDS = ['email', 'slack', 'trello', 'asana', 'toggl', 'clockify', 'jira'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Normalizes an external id into its lookup key `<kind>:<id>`. */
export function identityKey(kind: IdentityKind, id: string): string {
  return `${kind}:${kind === 'email' ? id.trim().toLowerCase() : id}`;
}

/**
 * Every server address the web app uses, in one place, so the screens and the API contract
 * (src/server/routes, src/shared) meet here. Paths without a leading slash are under /api/v1.
 */
export const paths = {
  signIn: 'auth/sign-in',
  signOut: 'auth/sign-out',
  session: 'auth/session',
  setup: 'setup',
  forgotPassword: 'auth/password-reset',
  resetPassword: 'auth/password-reset/confirm',
  invitation: (token: string) => `invitations/${encodeURIComponent(token)}`,
  acceptInvitation: (token: string) => `invitations/${encodeURIComponent(token)}/accept`,
  workspace: (ws: string) => `workspaces/${encodeURIComponent(ws)}`,
  ws: (ws: string, rest: string) => `workspaces/${encodeURIComponent(ws)}/${rest}`,
} as const;

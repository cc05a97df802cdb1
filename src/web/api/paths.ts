/**
 * Every server address the web app uses, in one place, so the screens and the API contract
 * (src/server/routes, src/shared/api-schemas.ts) meet here. Paths are under /api/v1.
 */
const enc = encodeURIComponent;

export const paths = {
  signIn: 'auth/sign-in',
  signOut: 'auth/sign-out',
  session: 'auth/session',
  changePassword: 'auth/password',
  /** Completes a password link (set or reset): `{ token, password }`. */
  passwordReset: 'auth/password-reset',
  acceptInvitation: 'invitations/accept',
  /** First run: `{ token, workspace, email, password }` from the one-time setup link; signs in. */
  setup: 'setup',
  workspaces: 'workspaces',
  workspace: (ws: string) => `workspaces/${enc(ws)}`,
  /** `workspaces/{ws}/<rest>`; rest is already encoded by the caller where it holds ids. */
  /**
   * Not yet served (the KPI lifecycle, analysis, insights, overview and import routes); the
   * screens that use these show the server's answer (404 today) as their error state.
   */
  kpis: 'kpis',
  kpi: (id: string) => `kpis/${enc(id)}`,
  kpiAgree: (id: string) => `kpis/${enc(id)}/agree`,
  kpiAnalysis: (id: string) => `kpis/${enc(id)}/analysis`,
  kpiPoint: (id: string, period: string) => `kpis/${enc(id)}/points/${enc(period)}`,
  insights: 'insights',
  overview: 'overview',
  imports: 'imports',
  importJob: (id: string) => `imports/${enc(id)}`,
  importCommit: (id: string) => `imports/${enc(id)}/commit`,
  ws: (ws: string, rest: string) => (rest === '' ? `workspaces/${enc(ws)}` : `workspaces/${enc(ws)}/${rest}`),
} as const;

export { enc };

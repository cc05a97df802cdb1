/**
 * Plain HTML pages for the first owner's setup, setting a password from a single-use link, and
 * accepting an invitation: the fallback when the web app is not built (an API-only install or
 * test). When it is, GET of these addresses steps aside and the web app's own screens answer.
 *
 * Links Tandem prints carry the token in the fragment (`/setup#token=…`), which browsers never
 * send to a server, a log or a Referer. These pages read it with one tiny inline script (allowed
 * by its hash in the page's CSP) into the form's hidden field; `?token=` is accepted too, for
 * links printed by earlier versions. Forms post back to the same origin.
 */
import { createHash } from 'node:crypto';
import { setCookie } from 'hono/cookie';
import { html, raw } from 'hono/html';
import { completePasswordReset } from '#services/auth/password-reset';
import { acceptInvitation } from '#services/members/invitations';
import { completeSetup } from '#services/workspaces/setup-token';
import { AppError } from '#src/errors';
import type { AppContext } from '../app-env.ts';
import { authorize } from '../middleware/authorize.ts';
import { cookieOptions, sessionCookieName } from '../middleware/cookies.ts';
import type { TandemApp } from '../openapi-app.ts';
import { webAppBuilt } from '../static-web.ts';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0}input{width:100%;padding:.4rem;font:inherit}button{margin-top:1rem;padding:.5rem 1rem;font:inherit}.error{color:#a00}';

/** Copies `#token=…` into the form unless the server already filled it from `?token=`. */
export const FRAGMENT_SCRIPT =
  "(function(){var t=new URLSearchParams(location.hash.slice(1)).get('token');var f=document.getElementById('token');if(t&&f&&!f.value)f.value=t})()";

const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(FRAGMENT_SCRIPT).digest('base64')}'`,
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function page(c: AppContext, title: string, body: ReturnType<typeof html>, status: 200 | 400 = 200) {
  c.header('Content-Security-Policy', PAGE_CSP);
  return c.html(
    html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Tandem</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body><main><h1>${title}</h1>${body}</main><script>${raw(FRAGMENT_SCRIPT)}</script></body></html>`,
    status,
  );
}

async function form(c: AppContext): Promise<Record<string, string>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim();
  if (type !== 'application/x-www-form-urlencoded')
    throw new AppError('unsupported_media_type', 'Send the form as application/x-www-form-urlencoded');
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

function failure(err: unknown): string {
  if (err instanceof AppError && err.status < 500) return err.message;
  throw err;
}

function signIn(c: AppContext, s: { token: string; expiresAt: Date }): void {
  const url = c.get('deps').publicUrl;
  setCookie(c, sessionCookieName(url), s.token, cookieOptions(url, s.expiresAt));
}

const tokenField = (token: string) => html`<input type="hidden" id="token" name="token" value="${token}">`;

/** `webRoot`: where the built web app would be; its screens answer these links when it exists. */
export function registerPages(app: TandemApp, webRoot?: string): void {
  const plain =
    (render: (c: AppContext, token: string) => Response | Promise<Response>) =>
    async (c: AppContext, next: () => Promise<void>) => {
      if (webAppBuilt(webRoot)) return next();
      return render(c, c.req.query('token') ?? '');
    };

  const setupForm = (c: AppContext, token: string, error?: string) =>
    page(
      c,
      'Set up Tandem',
      html`${error ? html`<p class="error">${error}</p>` : ''}<p>Create the first workspace and its owner.</p>
<form method="post" action="/setup">${tokenField(token)}
<label>Workspace name <input name="workspace" required maxlength="200"></label>
<label>Your e-mail <input name="email" type="email" required autocomplete="username"></label>
<label>Password (10+ characters; a passphrase is best) <input name="password" type="password" required minlength="10" autocomplete="new-password"></label>
<button>Create workspace</button></form>`,
      error ? 400 : 200,
    );
  app.get('/setup', authorize('public'), plain(setupForm));
  app.post('/setup', authorize('public'), async (c) => {
    const f = await form(c);
    try {
      const r = await completeSetup(c.get('deps'), {
        token: f.token ?? '',
        workspace: f.workspace ?? '',
        email: f.email ?? '',
        password: f.password ?? '',
      });
      signIn(c, r.session);
      return page(
        c,
        'Tandem is ready',
        html`<p>Workspace <code>${r.workspaceId}</code> is created and you are signed in.</p>`,
      );
    } catch (err) {
      return setupForm(c, f.token ?? '', failure(err));
    }
  });

  const passwordForm = (c: AppContext, action: string, title: string, token: string, error?: string) =>
    page(
      c,
      title,
      html`${error ? html`<p class="error">${error}</p>` : ''}<form method="post" action="${action}">${tokenField(token)}
<label>Password (10+ characters; a passphrase is best) <input name="password" type="password" required minlength="10" autocomplete="new-password"></label>
<button>Continue</button></form>`,
      error ? 400 : 200,
    );
  app.get(
    '/set-password',
    authorize('public'),
    plain((c, token) => passwordForm(c, '/set-password', 'Set your password', token)),
  );
  app.post('/set-password', authorize('public'), async (c) => {
    const f = await form(c);
    try {
      await completePasswordReset(c.get('deps'), f.token ?? '', f.password ?? '');
      return page(c, 'Password set', html`<p>Your password is set. You can now sign in.</p>`);
    } catch (err) {
      return passwordForm(c, '/set-password', 'Set your password', f.token ?? '', failure(err));
    }
  });
  app.get(
    '/invite',
    authorize('public'),
    plain((c, token) => passwordForm(c, '/invite', 'Join a Tandem workspace', token)),
  );
  app.post('/invite', authorize('public'), async (c) => {
    const f = await form(c);
    try {
      const r = await acceptInvitation(c.get('deps'), f.token ?? '', f.password ?? '');
      signIn(c, r.session);
      return page(
        c,
        'Welcome',
        html`<p>You joined workspace <code>${r.workspaceId}</code> and are signed in.</p>`,
      );
    } catch (err) {
      return passwordForm(c, '/invite', 'Join a Tandem workspace', f.token ?? '', failure(err));
    }
  });
}

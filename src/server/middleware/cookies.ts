/**
 * Cookie names and attributes: HttpOnly, SameSite=Lax, Path=/; behind TLS also Secure with the
 * `__Host-` prefix, which the browser only accepts from a secure origin without a Domain.
 */
import type { CookieOptions } from 'hono/utils/cookie';

export function isSecure(publicUrl: string): boolean {
  return publicUrl.startsWith('https://');
}

export function sessionCookieName(publicUrl: string): string {
  return isSecure(publicUrl) ? '__Host-tandem_session' : 'tandem_session';
}

export function deviceCookieName(publicUrl: string): string {
  return isSecure(publicUrl) ? '__Host-tandem_device' : 'tandem_device';
}

export function cookieOptions(publicUrl: string, expires?: Date): CookieOptions {
  const secure = isSecure(publicUrl);
  return {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    ...(expires ? { expires } : {}),
  };
}

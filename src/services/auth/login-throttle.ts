/**
 * Sign-in throttling that slows guessing without letting an attacker lock the real user out
 * (OWASP "device cookies"): failures are counted per client IP, per account and IP, and per
 * account; the per-account limit is not applied to a browser that has signed in to that account
 * before (it carries a device cookie), so a flood of wrong passwords from elsewhere cannot keep
 * its owner out. Counts live in memory per instance (issue 10 may move them to the store).
 */

export interface ThrottleLimits {
  windowMs: number;
  perIp: number;
  perAccountIp: number;
  perAccount: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  windowMs: 15 * 60_000,
  perIp: 50,
  perAccountIp: 10,
  perAccount: 100,
};

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds to wait before another attempt, or 0 when the attempt may proceed. */
  retryAfter(email: string, ip: string, knownDevice: boolean): number {
    const checks: [string, number][] = [
      [`ip:${ip}`, this.limits.perIp],
      [`acct-ip:${email}\u0000${ip}`, this.limits.perAccountIp],
    ];
    if (!knownDevice) checks.push([`acct:${email}`, this.limits.perAccount]);
    let wait = 0;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length >= limit) {
        const oldest = list[list.length - limit] ?? this.now();
        wait = Math.max(wait, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000));
      }
    }
    return Math.max(0, wait);
  }

  recordFailure(email: string, ip: string): void {
    const t = this.now();
    for (const key of [`ip:${ip}`, `acct-ip:${email}\u0000${ip}`, `acct:${email}`]) {
      const list = this.recent(key);
      list.push(t);
      this.failures.set(key, list);
    }
  }

  recordSuccess(email: string, ip: string): void {
    this.failures.delete(`acct-ip:${email}\u0000${ip}`);
  }
}

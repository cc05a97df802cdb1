import { describe, expect, it, vi } from 'vitest';
import { earlyReadsOf, forgetEarlyReads, takeEarlyRead } from './early-reads.ts';
import { paths } from './paths.ts';

describe('early reads', () => {
  it('starts the overview’s reads at the addresses api() asks, the workspace id encoded once', () => {
    expect(earlyReadsOf('/w/acme/overview')).toEqual([
      `/api/v1/${paths.session}`,
      '/api/v1/workspaces/acme/assistants',
      '/api/v1/workspaces/acme/clients',
      '/api/v1/workspaces/acme/members',
      '/api/v1/workspaces/acme/assignments',
      `/api/v1/workspaces/acme/${paths.overview}`,
    ]);
    expect(earlyReadsOf('/w/a%20b/overview/')[1]).toBe(`/api/v1/${paths.ws('a b', 'assistants')}`);
  });

  it('starts nothing elsewhere, nor on an address it cannot read', () => {
    for (const p of [
      '/',
      '/sign-in',
      '/w/acme',
      '/w/acme/home',
      '/w/acme/overview/x',
      '/w/%E0%A4%A/overview',
    ])
      expect(earlyReadsOf(p)).toEqual([]);
  });

  it('gives nothing to take where nothing was started', () => {
    forgetEarlyReads();
    expect(takeEarlyRead('/api/v1/auth/session')).toBeUndefined();
  });

  it('takes the answers the classic script started, from the map they share on the window', async () => {
    const g = globalThis as { tandemEarlyReads?: Map<string, Promise<Response>> };
    const answer = Promise.resolve(new Response('{}'));
    g.tandemEarlyReads = new Map([['/api/v1/auth/session', answer]]);
    try {
      vi.resetModules();
      const fresh = await import('./early-reads.ts');
      expect(fresh.takeEarlyRead('/api/v1/auth/session')).toBe(answer);
      expect(fresh.takeEarlyRead('/api/v1/auth/session')).toBeUndefined();
      expect(g.tandemEarlyReads.size).toBe(0);
    } finally {
      delete g.tandemEarlyReads;
    }
  });
});

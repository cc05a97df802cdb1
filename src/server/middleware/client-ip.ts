/** The client's address: the socket peer, or X-Forwarded-For's last untrusted hop when the peer is a trusted proxy. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from '../app-env.ts';

export function clientIp(c: AppContext): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    peer = 'local';
  }
  const trusted = c.get('deps').trustedProxies;
  if (!trusted.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted.includes(hop)) return hop;
  }
  return peer;
}

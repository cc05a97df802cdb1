/**
 * Live connections (issue 9): list, create, rotate, remove, deliveries, and the freshness of an
 * assistant's sources — typed by src/shared/webhook-schemas.ts.
 */
import type {
  Connection,
  ConnectionWithSecret,
  Delivery,
  SourceFreshness,
  WebhookProviderName,
} from '#shared/webhook-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';

const enc = encodeURIComponent;

import { useWsMutation, useWsQuery } from './workspace-queries.ts';

export function useConnections(ws: string) {
  return useWsQuery<Connection[]>(ws, 'connections', undefined, { live: true });
}

export function useDeliveries(ws: string, id: string, enabled: boolean) {
  return useWsQuery<Delivery[]>(ws, `connections/${enc(id)}/deliveries`, undefined, { enabled, live: true });
}

export function useSourceFreshness(ws: string, assistant: string, enabled = true) {
  return useWsQuery<SourceFreshness[]>(ws, `assistants/${enc(assistant)}/sources`, undefined, { enabled });
}

export interface NewConnection {
  provider: WebhookProviderName;
  name: string;
  secret?: string;
  assistant?: string;
  identities?: Record<string, string>;
  options?: Record<string, unknown>;
}

export function useCreateConnection(ws: string) {
  return useWsMutation<NewConnection, ConnectionWithSecret>({
    ws,
    request: (json) => api<ConnectionWithSecret>(paths.ws(ws, 'connections'), { method: 'POST', json }),
    success: 'Connection created',
  });
}

export function useRotateConnection(ws: string) {
  return useWsMutation<{ id: string; secret?: string }, ConnectionWithSecret>({
    ws,
    request: ({ id, secret }) =>
      api<ConnectionWithSecret>(paths.ws(ws, `connections/${enc(id)}/rotate`), {
        method: 'POST',
        json: secret ? { secret } : {},
      }),
    success: 'Secret replaced',
  });
}

export function useRemoveConnection(ws: string) {
  return useWsMutation<string, Connection>({
    ws,
    request: (id) => api<Connection>(paths.ws(ws, `connections/${enc(id)}`), { method: 'DELETE' }),
    success: 'Connection removed',
  });
}

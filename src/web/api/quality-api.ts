/**
 * Quality sampling (issue 8; SPEC §8, §9): the weekly sample's reads and decisions, typed by the
 * shared schemas (src/shared/quality-schemas.ts).
 */
import type { QualitySample } from '#shared/quality-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

const enc = encodeURIComponent;

export function useQualitySamples(ws: string, assistant: string) {
  return useWsQuery<QualitySample[]>(ws, 'quality-samples', { assistant }, { live: true });
}

export function useRateSample(ws: string) {
  return useWsMutation<{ id: string; criteria: Record<string, number>; comment?: string }, QualitySample>({
    ws,
    request: ({ id, ...json }) =>
      api<QualitySample>(paths.ws(ws, `quality-samples/${enc(id)}/rating`), { method: 'POST', json }),
    success: 'Rating saved',
  });
}

export function useSkipSample(ws: string) {
  return useWsMutation<{ id: string }, QualitySample>({
    ws,
    request: ({ id }) =>
      api<QualitySample>(paths.ws(ws, `quality-samples/${enc(id)}/skip`), { method: 'POST' }),
    success: 'Left unrated',
  });
}

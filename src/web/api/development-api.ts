/**
 * Skill gaps and development plans (SPEC §8 "Training and development"): the reads and changes of
 * the Development screen, typed by the shared schemas (src/shared/development-schemas.ts).
 */
import type {
  DevelopmentItem,
  DevelopmentOverview,
  DevelopmentPlan,
  ITEM_KINDS,
  ITEM_STATUSES,
  PLAN_STATUSES,
} from '#shared/development-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

const enc = encodeURIComponent;

export type ItemKind = (typeof ITEM_KINDS)[number];
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface NewItem {
  kind: ItemKind;
  title: string;
  owner: string;
  dueDate: string;
}

export function useDevelopment(ws: string, assistant: string) {
  return useWsQuery<DevelopmentOverview>(ws, 'development', { assistant }, { live: true });
}

export function useCreatePlan(ws: string) {
  return useWsMutation<
    { assistant: string; title: string; kpi?: string; criterion?: string; items?: NewItem[] },
    DevelopmentPlan
  >({
    ws,
    request: (json) => api<DevelopmentPlan>(paths.ws(ws, 'development-plans'), { method: 'POST', json }),
    success: (p) => `Plan “${p.title}” started`,
  });
}

export function useUpdatePlan(ws: string) {
  return useWsMutation<{ id: string; status: PlanStatus }, DevelopmentPlan>({
    ws,
    request: ({ id, ...json }) =>
      api<DevelopmentPlan>(paths.ws(ws, `development-plans/${enc(id)}`), { method: 'PATCH', json }),
    success: (p) => (p.status === 'active' ? 'Plan reopened' : `Plan marked ${p.status}`),
  });
}

export function useAddPlanItem(ws: string) {
  return useWsMutation<NewItem & { plan: string }, DevelopmentItem>({
    ws,
    request: ({ plan, ...json }) =>
      api<DevelopmentItem>(paths.ws(ws, `development-plans/${enc(plan)}/items`), { method: 'POST', json }),
    success: 'Item added',
  });
}

export function useSetItemStatus(ws: string) {
  return useWsMutation<{ id: string; status: ItemStatus }, DevelopmentItem>({
    ws,
    request: ({ id, status }) =>
      api<DevelopmentItem>(paths.ws(ws, `development-items/${enc(id)}`), {
        method: 'PATCH',
        json: { status },
      }),
  });
}

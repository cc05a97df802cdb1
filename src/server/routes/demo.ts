/**
 * Loads the demo into an empty workspace (issue 7: "a load demo data button on an empty
 * workspace"): owners only, refused with 409 `workspace_not_empty` once the workspace has
 * assistants. Every row goes through the ordinary use cases and their audit entries.
 */
import { loadDemo } from '#services/demo/load-demo';
import { DemoLoadedResponse } from '#shared/demo-schemas';
import { actorOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json, WsParams } from './params.ts';

const demo = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/demo',
  tags: ['workspaces'],
  summary:
    'Fill an empty workspace with demo data: 3 assistants in 3 time zones, 16+ weeks of events, agreed KPIs',
  request: { params: WsParams },
  responses: {
    201: json(DemoLoadedResponse, 'Loaded'),
    409: { description: '`workspace_not_empty`: the workspace already has assistants' },
  },
});

export function registerDemoRoute(app: TandemApp): void {
  app.openapi(demo, async (c) => {
    const loaded = await loadDemo(c.get('deps'), actorOf(c));
    return c.json(loaded, 201);
  });
}

import { NativeSelect, Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { Role } from '#shared/api-schemas';
import { useWorkspace } from '../../app/workspace-context.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const SECTIONS = [
  { id: 'workspace', label: 'Workspace', roles: ['owner'] },
  { id: 'members', label: 'Members & roles', roles: ['owner'] },
  { id: 'assistants', label: 'Assistants & schedules', roles: ['owner', 'manager'] },
  { id: 'assignments', label: 'Assignments', roles: ['owner', 'manager', 'coach', 'viewer'] },
  { id: 'clients', label: 'Clients', roles: ['owner', 'manager', 'coach', 'viewer'] },
  { id: 'templates', label: 'Role templates', roles: ['owner', 'manager', 'assistant', 'coach', 'viewer'] },
  { id: 'tokens', label: 'API tokens', roles: ['owner', 'manager', 'assistant', 'coach', 'viewer'] },
  {
    id: 'notifications',
    label: 'Notifications',
    roles: ['owner', 'manager', 'assistant', 'coach', 'viewer'],
  },
  { id: 'integrations', label: 'Integrations', roles: ['owner', 'manager'] },
  { id: 'outbox', label: 'Outbox', roles: ['owner'] },
  { id: 'webhooks', label: 'Webhooks', roles: ['owner', 'manager'] },
  { id: 'audit', label: 'Audit log', roles: ['owner'] },
  { id: 'my-data', label: 'My data', roles: ['assistant'] },
] as const satisfies ReadonlyArray<{ id: string; label: string; roles: readonly Role[] }>;

type SectionId = (typeof SECTIONS)[number]['id'];

const VIEWS: Record<SectionId, React.LazyExoticComponent<() => React.ReactNode>> = {
  workspace: lazy(() => import('./WorkspaceSettings.tsx').then((m) => ({ default: m.WorkspaceSettings }))),
  members: lazy(() => import('./MembersSettings.tsx').then((m) => ({ default: m.MembersSettings }))),
  assistants: lazy(() => import('./AssistantsSettings.tsx').then((m) => ({ default: m.AssistantsSettings }))),
  assignments: lazy(() =>
    import('./AssignmentsSettings.tsx').then((m) => ({ default: m.AssignmentsSettings })),
  ),
  clients: lazy(() => import('./ClientsSettings.tsx').then((m) => ({ default: m.ClientsSettings }))),
  templates: lazy(() =>
    import('./RoleTemplatesSettings.tsx').then((m) => ({ default: m.RoleTemplatesSettings })),
  ),
  tokens: lazy(() => import('./TokensSettings.tsx').then((m) => ({ default: m.TokensSettings }))),
  notifications: lazy(() =>
    import('./NotificationsSettings.tsx').then((m) => ({ default: m.NotificationsSettings })),
  ),
  integrations: lazy(() =>
    import('./IntegrationsSettings.tsx').then((m) => ({ default: m.IntegrationsSettings })),
  ),
  outbox: lazy(() => import('./OutboxSettings.tsx').then((m) => ({ default: m.OutboxSettings }))),
  webhooks: lazy(() => import('./WebhooksSettings.tsx').then((m) => ({ default: m.WebhooksSettings }))),
  audit: lazy(() => import('./AuditSettings.tsx').then((m) => ({ default: m.AuditSettings }))),
  'my-data': lazy(() => import('./MyDataSettings.tsx').then((m) => ({ default: m.MyDataSettings }))),
};

/** Workspace settings, one section at a time; the section is in the address (`?section=`). */
export function SettingsPage() {
  const { role } = useWorkspace();
  const { section } = useSearch({ from: '/w/$ws/settings' });
  const navigate = useNavigate({ from: '/w/$ws/settings' });
  const visible = SECTIONS.filter((s) => (s.roles as readonly Role[]).includes(role));
  const current = visible.find((s) => s.id === section) ?? visible[0];
  const go = (id: string | null) => id && void navigate({ search: { section: id } });
  if (!current) return <PageHeader title="Settings" description="Nothing to configure with your role." />;
  const View = VIEWS[current.id];

  return (
    <Stack gap="md">
      <PageHeader title="Settings" />
      <NativeSelect
        hiddenFrom="sm"
        label="Section"
        data={visible.map((s) => ({ value: s.id, label: s.label }))}
        value={current.id}
        onChange={(e) => go(e.currentTarget.value)}
      />
      <Tabs value={current.id} onChange={go} keepMounted={false} visibleFrom="sm">
        <Tabs.List>
          {visible.map((s) => (
            <Tabs.Tab key={s.id} value={s.id}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <section aria-label={current.label}>
        <Suspense fallback={<LoadingState />}>
          <View />
        </Suspense>
      </section>
    </Stack>
  );
}

import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import type { Workspace } from '#shared/api-schemas';
import { api, download } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

/** The workspace setting that raises the active-KPI limit (SPEC §5; default 5, at most 20). */
const kpiLimitOf = (w: Workspace): number => w.settings.activeKpiLimit;

export function WorkspaceSettings() {
  const { ws } = useWorkspace();
  const workspace = useWsQuery<Workspace>(ws, '', undefined);
  return (
    <QueryView query={workspace} what="the workspace">
      {(w) => (
        <Stack gap="md">
          <NameAndLimit workspace={w} />
          <ExportAndDelete workspace={w} />
        </Stack>
      )}
    </QueryView>
  );
}

function NameAndLimit({ workspace }: { workspace: Workspace }) {
  const [name, setName] = useState(workspace.name);
  const [limit, setLimit] = useState<number>(kpiLimitOf(workspace));
  const [sample, setSample] = useState<number>(workspace.settings.qualitySampleSize);
  useEffect(() => {
    setName(workspace.name);
    setLimit(kpiLimitOf(workspace));
    setSample(workspace.settings.qualitySampleSize);
  }, [workspace]);
  const save = useWsMutation({
    ws: workspace.id,
    request: (body: { name: string; settings: { activeKpiLimit: number; qualitySampleSize: number } }) =>
      api<Workspace>(paths.workspace(workspace.id), { method: 'PATCH', json: body }),
    success: 'Workspace saved',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, settings: { activeKpiLimit: limit, qualitySampleSize: sample } });
  };
  return (
    <SectionCard
      title="Workspace"
      description="Its name, how many KPIs an assistant may have active at once, and the weekly quality sample."
    >
      <form onSubmit={submit}>
        <Stack gap="sm" maw={480}>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <NumberInput
            label="Active KPIs per assistant"
            description="Five by default, and Tandem can raise it up to 20. Three to five is recommended: a few KPIs that both sides watch work better than many."
            min={5}
            max={20}
            value={limit}
            onChange={(v) => setLimit(typeof v === 'number' ? v : 5)}
          />
          {limit > 5 && (
            <Alert color="yellow" variant="light">
              Above five, focus tends to blur. Tandem will still advise that five is enough.
            </Alert>
          )}
          <NumberInput
            label="Tasks sampled for rating each week"
            description="Per assistant: a random draw of last week's completed tasks for the manager to rate with the role's rubric. 0 turns sampling off."
            min={0}
            max={20}
            value={sample}
            onChange={(v) => setSample(typeof v === 'number' ? v : 3)}
          />
          <FormError error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function ExportAndDelete({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState('');
  const [exporting, setExporting] = useState(false);
  const remove = useWsMutation({
    ws: workspace.id,
    request: () => api<unknown>(paths.workspace(workspace.id), { method: 'DELETE', json: { confirm } }),
    success: 'Workspace deleted',
    onSuccess: () => void navigate({ to: '/' }),
  });
  const exportAll = async () => {
    setExporting(true);
    try {
      await download(paths.ws(workspace.id, 'export'), `${workspace.id}.tandem.zip`);
    } catch (e) {
      notifyError('export the workspace', e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <SectionCard
        title="Export"
        description="The whole workspace as one archive: events, members, KPIs, reviews, settings and the audit log. It is your backup and the way to move to PostgreSQL (npx tandem restore)."
      >
        <Alert color="blue" variant="light">
          The backup contains private well-being answers. Store it as carefully as the server itself.
        </Alert>
        <Group>
          <Button variant="light" onClick={() => void exportAll()} loading={exporting}>
            Download backup
          </Button>
        </Group>
      </SectionCard>
      <SectionCard
        tone="danger"
        title="Delete the workspace"
        description="Removes every row it owns: assistants, events, KPIs, reviews, members and the audit log. This cannot be undone."
      >
        <Stack gap="sm" maw={480}>
          <TextInput
            label={`Type the workspace name (${workspace.name}) to confirm`}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
          />
          <FormError error={remove.error} />
          <Group>
            <Button
              color="red"
              disabled={confirm !== workspace.name}
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined)}
            >
              Delete workspace
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Download a backup first if you may need the data again.
          </Text>
        </Stack>
      </SectionCard>
    </>
  );
}

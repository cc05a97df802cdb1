import { Select, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Assistant, Member } from '#shared/api-schemas';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';

/** Chooses whose check-ins or reviews to show, when the viewer may see more than one assistant. */
function AssistantPicker({
  list,
  value,
  onChange,
}: {
  list: readonly Assistant[];
  value: string;
  onChange: (id: string) => void;
}) {
  if (list.length < 2) return null;
  return (
    <Select
      aria-label="Assistant"
      data={list.map((a) => ({ value: a.id, label: a.name ?? a.id }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={{ base: '100%', xs: 220 }}
    />
  );
}

/**
 * The frame of an assistant's review-process screen (check-ins, monthly reviews): the assistants
 * the viewer may see, a header titled "<title> — <name>" with a picker, and the screen's body for
 * the chosen assistant with the workspace's people (for names of owners and signers).
 */
export function AssistantScreen({
  ws,
  title,
  description,
  chosen,
  onChoose,
  children,
}: {
  ws: string;
  title: string;
  description: string;
  chosen: string | undefined;
  onChoose: (id: string) => void;
  children: (assistant: Assistant, people: Member[]) => ReactNode;
}) {
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const members = useWsQuery<Member[]>(ws, 'members');
  return (
    <QueryView
      query={assistants}
      what="assistants"
      isEmpty={(l) => l.length === 0}
      empty={{ title: 'No assistants yet' }}
    >
      {(list) => {
        const me = list.find((a) => a.id === chosen) ?? list[0]!;
        return (
          <Stack gap="lg">
            <PageHeader
              title={`${title} — ${me.name ?? me.id}`}
              description={description}
              actions={<AssistantPicker list={list} value={me.id} onChange={onChoose} />}
            />
            {children(me, members.data ?? [])}
          </Stack>
        );
      }}
    </QueryView>
  );
}

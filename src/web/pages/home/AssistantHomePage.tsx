import { Select, SimpleGrid, Stack } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Assistant } from '#shared/api-schemas';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SourceQuietNotice } from '../../components/SourceQuietNotice.tsx';
import { viewerZone, zoneAbbreviation, zoneCity } from '../../format/format-instant.ts';
import { DueTasks } from './DueTasks.tsx';
import { LogProactive } from './LogProactive.tsx';
import { MyInsights } from './MyInsights.tsx';
import { MyKpis } from './MyKpis.tsx';
import { WeeklyPulse } from './WeeklyPulse.tsx';
import { WeekNumbers } from './WeekNumbers.tsx';

/** Names the zone weeks and deadlines follow, and the viewer's own when it differs (issue 7). */
function homeDescription(me: Assistant, own: boolean): string {
  const now = new Date();
  const theirs = `${zoneCity(me.timezone)}, ${zoneAbbreviation(now, me.timezone)}`;
  const mine = viewerZone();
  const also =
    mine === me.timezone
      ? ''
      : ` Times also show in yours (${zoneCity(mine)}, ${zoneAbbreviation(now, mine)}).`;
  return own
    ? `Your week at a glance, by your clock (${theirs}).${also} Everything here is yours to see.`
    : `${me.name ?? me.id}'s week, by their clock (${theirs}).${also} This is what they see.`;
}

/**
 * The assistant's own view (issue 7): my KPIs against their targets, what is due, a proactive
 * action logged in two clicks, my insights in coaching words, and my weekly pulse. Managers and coaches open it
 * for an assistant they work with (`?assistant=`).
 */
export function AssistantHomePage() {
  const { ws, role } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/home' });
  const navigate = useNavigate({ from: '/w/$ws/home' });
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  return (
    <QueryView
      query={assistants}
      what="your assistant record"
      isEmpty={(l) => l.length === 0}
      empty={{
        title:
          role === 'assistant'
            ? 'Your account is not linked to an assistant record yet'
            : 'No assistants yet',
        description:
          role === 'assistant' ? 'Ask your workspace owner to link it.' : 'Set up an assistant first.',
      }}
    >
      {(list) => {
        const me = list.find((a) => a.id === search.assistant) ?? list[0]!;
        const first = (me.name ?? me.id).split(' ')[0];
        return (
          <Stack gap="lg">
            <PageHeader
              title={role === 'assistant' ? `Hello, ${first}` : `${me.name ?? me.id}'s home`}
              description={homeDescription(me, role === 'assistant')}
              actions={
                list.length > 1 && (
                  <Select
                    aria-label="Assistant"
                    data={list.map((a) => ({ value: a.id, label: a.name ?? a.id }))}
                    value={me.id}
                    onChange={(v) => v && void navigate({ search: { assistant: v } })}
                    w={220}
                  />
                )
              }
            />
            {/* Issue 9: a quiet live source explains an empty week. */}
            <SourceQuietNotice ws={ws} assistant={me.id} />
            <LogProactive ws={ws} assistant={me} />
            <MyKpis ws={ws} assistant={me} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <DueTasks ws={ws} assistant={me} />
              <MyInsights ws={ws} assistant={me} />
            </SimpleGrid>
            <WeekNumbers ws={ws} assistant={me} />
            {/* Only the assistant writes and reads their own pulse (SPEC §11). */}
            {role === 'assistant' && <WeeklyPulse ws={ws} assistant={me} />}
          </Stack>
        );
      }}
    </QueryView>
  );
}

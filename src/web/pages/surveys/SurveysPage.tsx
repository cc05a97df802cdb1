import { Badge, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { Assistant, Client } from '#shared/api-schemas';
import type { CreatedSurveyRequest, SurveyRequest, SurveyStatus } from '#shared/survey-schemas';
import { useCreateSurvey, useSurveyRequests } from '../../api/surveys-api.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { CopyOnceLink } from '../../components/CopyOnceLink.tsx';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant, formatLocalDate } from '../../format/format-instant.ts';
import { formatPercent } from '../../format/format-number.ts';
import { AssistantScreen } from '../reviews/AssistantScreen.tsx';

const STATUS_COLOR: Record<SurveyStatus, string> = { answered: 'teal', pending: 'blue', expired: 'gray' };

/** A mailto: link that opens the sender's own mail program with the survey link filled in. */
function mailtoFor(url: string, assistantName: string): string {
  const subject = `A one-minute question about ${assistantName}'s work`;
  const body = `Hello,\n\nHow satisfied are you with ${assistantName}'s work? One question (1 to 5) and an optional comment, no account needed:\n\n${url}\n\nThe link works once. Thank you!`;
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

function CreateSurvey({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const create = useCreateSurvey(ws);
  const [client, setClient] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(14);
  const [created, setCreated] = useState<CreatedSurveyRequest | null>(null);
  const name = assistant.name?.trim().split(/\s+/)[0] ?? assistant.id;
  if (created)
    return (
      <Stack gap="xs">
        <CopyOnceLink label="Survey link" value={created.url} onDone={() => setCreated(null)} />
        <Group gap="xs">
          <Button component="a" href={mailtoFor(created.url, name)} variant="light" size="xs">
            Send by e-mail
          </Button>
        </Group>
      </Stack>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            assistant: assistant.id,
            ...(client ? { client } : {}),
            ...(typeof days === 'number' ? { expiresInDays: days } : {}),
          },
          { onSuccess: (r) => setCreated(r) },
        );
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label="Client (optional)"
          placeholder="Any client"
          data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={client}
          onChange={setClient}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <NumberInput
          label="Valid for (days)"
          min={1}
          max={90}
          value={days}
          onChange={setDays}
          w={{ base: '100%', xs: 140 }}
        />
        <Button type="submit" loading={create.isPending}>
          Create survey link
        </Button>
      </Group>
      <FormError error={create.error} />
    </form>
  );
}

function AssistantSurveys({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const { role } = useWorkspace();
  const list = useSurveyRequests(ws, assistant.id);
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const clientName = (id: string | null) =>
    id === null ? '—' : (clients.data?.find((c) => c.id === id)?.name ?? id);
  const canCreate = role === 'owner' || role === 'manager';
  const zone = assistant.timezone;
  const columns: ResponsiveColumn<SurveyRequest>[] = [
    { header: 'Sent', cell: (r) => formatInstant(r.createdAt, zone) },
    { header: 'Client', cell: (r) => clientName(r.client) },
    {
      header: 'Status',
      cell: (r) => (
        <Badge color={STATUS_COLOR[r.status]} variant="light">
          {r.status}
        </Badge>
      ),
    },
    {
      header: 'Answer',
      cell: (r) =>
        r.score === null ? (
          r.status === 'pending' ? (
            `Open until ${formatInstant(r.expiresAt, zone)}`
          ) : (
            '—'
          )
        ) : (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {r.score} of 5
            </Text>
            {r.comment && (
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                “{r.comment}”
              </Text>
            )}
          </Stack>
        ),
    },
  ];
  return (
    <QueryView query={list} what="surveys">
      {(data) => (
        <Stack gap="lg">
          <SectionCard
            title="Response rate"
            description={`Links sent from ${formatLocalDate(data.responseRate.from)} to ${formatLocalDate(data.responseRate.to)} that were answered.`}
          >
            <Text size="xl" fw={700} data-testid="response-rate">
              {data.responseRate.rate === null ? 'No links sent yet' : formatPercent(data.responseRate.rate)}
            </Text>
            <Text size="sm" c="dimmed" data-testid="response-counts">
              {data.responseRate.answered} of {data.responseRate.sent} answered
            </Text>
          </SectionCard>
          {canCreate && (
            <SectionCard
              title="Ask a client"
              description="A one-time link: no account needed, one answer (1–5 and a comment), expires after the days you choose."
            >
              <CreateSurvey ws={ws} assistant={assistant} />
            </SectionCard>
          )}
          {data.requests.length === 0 ? (
            <EmptyNotice
              title="No survey links yet"
              description={
                canCreate ? 'Create one above and send it to a client.' : 'The manager sends them to clients.'
              }
            />
          ) : (
            <SectionCard title="Survey links">
              <ResponsiveTable
                label="Survey links"
                rows={data.requests}
                rowKey={(r) => r.id}
                columns={columns}
                minWidth={560}
              />
            </SectionCard>
          )}
        </Stack>
      )}
    </QueryView>
  );
}

/** An assistant's client satisfaction surveys (SPEC §8): links, their answers and the response rate. */
export function SurveysPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/surveys' });
  const navigate = useNavigate({ from: '/w/$ws/surveys' });
  return (
    <AssistantScreen
      ws={ws}
      title="Client surveys"
      description="What clients say, through one-time links."
      chosen={search.assistant}
      onChoose={(v) => void navigate({ search: { assistant: v } })}
    >
      {(me) => <AssistantSurveys ws={ws} assistant={me} />}
    </AssistantScreen>
  );
}

import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import { api, download } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { ROLE_OPTIONS } from '../../components/assistant/role-options.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { ScheduleEditor } from '../../components/schedule/ScheduleEditor.tsx';
import {
  defaultSchedule,
  type WeeklySchedule,
  weeklyHours,
} from '../../components/schedule/schedule-model.ts';
import { allZones, formatLocalDate } from '../../format/format-instant.ts';

function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Zone and schedule in force on a local date: the latest history entry from on or before it (SPEC §2). */
function inForce(a: Assistant, date: string): { timezone: string; schedule: WeeklySchedule } {
  let timezone = a.timezone;
  let schedule: WeeklySchedule = a.schedule ?? defaultSchedule();
  for (const h of [...a.history].sort((x, y) => x.from.localeCompare(y.from))) {
    if (h.from > date) break;
    if (h.timezone) timezone = h.timezone;
    if (h.schedule) schedule = h.schedule;
  }
  return { timezone, schedule };
}

export function AssistantsSettings() {
  const { ws } = useWorkspace();
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <QueryView
      query={assistants}
      what="assistants"
      isEmpty={(l) => l.length === 0}
      empty={{
        title: 'No assistants yet',
        description: 'Add your first assistant with their time zone and working hours.',
        action: (
          <Button renderRoot={(props) => <Link to="/w/$ws/onboarding" params={{ ws }} {...props} />}>
            Set up an assistant
          </Button>
        ),
      }}
    >
      {(list) => {
        const current = list.find((a) => a.id === selected) ?? list[0];
        return (
          <Stack gap="md">
            <Group align="flex-end" justify="space-between">
              <Select
                label="Assistant"
                data={list.map((a) => ({ value: a.id, label: a.name ?? a.id }))}
                value={current?.id ?? null}
                onChange={setSelected}
                w={260}
              />
              <Button
                variant="light"
                renderRoot={(props) => <Link to="/w/$ws/onboarding" params={{ ws }} {...props} />}
              >
                Add an assistant
              </Button>
            </Group>
            {current && <AssistantEditor key={current.id} assistant={current} />}
          </Stack>
        );
      }}
    </QueryView>
  );
}

function AssistantEditor({ assistant }: { assistant: Assistant }) {
  const { ws } = useWorkspace();
  const today = todayIn(assistant.timezone);
  const now = inForce(assistant, today);
  return (
    <Stack gap="md">
      <Details assistant={assistant} />
      <ScheduleChange assistant={assistant} current={now} today={today} />
      <SectionCard
        title="Schedule history"
        description="A change applies from its date on; earlier weeks keep the schedule they had."
      >
        <ScrollTable label="Schedule history" minWidth={420}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>Time zone</Table.Th>
                <Table.Th>Hours a week</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>The start</Table.Td>
                <Table.Td>{assistant.timezone}</Table.Td>
                <Table.Td>{weeklyHours(assistant.schedule ?? defaultSchedule())} h</Table.Td>
              </Table.Tr>
              {assistant.history.map((h) => (
                <Table.Tr key={h.from}>
                  <Table.Td>{formatLocalDate(h.from)}</Table.Td>
                  <Table.Td>
                    {h.timezone ?? (
                      <Text span c="dimmed" size="sm">
                        unchanged
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {h.schedule ? (
                      `${weeklyHours(h.schedule)} h`
                    ) : (
                      <Text span c="dimmed" size="sm">
                        unchanged
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </SectionCard>
      <LeaveAndErase assistant={assistant} ws={ws} />
    </Stack>
  );
}

function Details({ assistant }: { assistant: Assistant }) {
  const { ws } = useWorkspace();
  const [name, setName] = useState(assistant.name ?? '');
  const [role, setRole] = useState<string | null>(assistant.role);
  const [daysOff, setDaysOff] = useState<string[]>(assistant.daysOff);
  useEffect(() => {
    setName(assistant.name ?? '');
    setRole(assistant.role);
    setDaysOff(assistant.daysOff);
  }, [assistant]);
  const save = useWsMutation({
    ws,
    request: (body: { name: string | null; role: string | null; daysOff: string[] }) =>
      api<Assistant>(paths.ws(ws, `assistants/${enc(assistant.id)}`), { method: 'PATCH', json: body }),
    success: 'Assistant saved',
  });
  return (
    <SectionCard
      title={assistant.name ?? assistant.id}
      description={`Id ${assistant.id} · ${assistant.timezone}`}
    >
      <Stack gap="sm" maw={560}>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select label="Role" clearable data={ROLE_OPTIONS} value={role} onChange={setRole} />
        <DatePickerInput
          type="multiple"
          label="Days off"
          clearable
          value={daysOff}
          onChange={(d) => setDaysOff([...d].sort())}
          valueFormat="D MMM YYYY"
        />
        <FormError error={save.error} />
        <Group>
          <Button
            onClick={() => save.mutate({ name: name.trim() === '' ? null : name, role, daysOff })}
            loading={save.isPending}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

function ScheduleChange({
  assistant,
  current,
  today,
}: {
  assistant: Assistant;
  current: { timezone: string; schedule: WeeklySchedule };
  today: string;
}) {
  const { ws } = useWorkspace();
  const zones = useMemo(() => allZones(), []);
  const [from, setFrom] = useState<string | null>(today);
  const [timezone, setTimezone] = useState(current.timezone);
  const [schedule, setSchedule] = useState<WeeklySchedule>(current.schedule);
  const save = useWsMutation({
    ws,
    request: (change: { from: string; timezone?: string; schedule?: WeeklySchedule }) =>
      api<Assistant>(paths.ws(ws, `assistants/${enc(assistant.id)}`), { method: 'PATCH', json: { change } }),
    success: (_r, c) => `Schedule changed from ${formatLocalDate(c.from)}`,
  });
  const submit = () => {
    if (!from) return;
    save.mutate({
      from,
      ...(timezone !== current.timezone ? { timezone } : {}),
      schedule,
    });
  };
  return (
    <SectionCard
      title="Working hours and time zone"
      description="Shown as in force today. A change takes effect from the date you choose and never rewrites earlier weeks."
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DatePickerInput
            label="Applies from"
            value={from}
            onChange={setFrom}
            valueFormat="D MMM YYYY"
            w={180}
          />
          <Select
            label="Time zone"
            searchable
            data={zones}
            value={timezone}
            onChange={(z) => z && setTimezone(z)}
            limit={50}
            w={240}
          />
        </Group>
        <ScheduleEditor value={schedule} onChange={setSchedule} zone={timezone} />
        {from && from < today && (
          <Alert color="yellow" variant="light">
            This change starts in the past: metrics of the weeks since {formatLocalDate(from)} will be
            recomputed with it.
          </Alert>
        )}
        <FormError error={save.error} />
        <Group>
          <Button onClick={submit} loading={save.isPending} disabled={!from}>
            Save change
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

function LeaveAndErase({ assistant, ws }: { assistant: Assistant; ws: string }) {
  const [confirm, setConfirm] = useState('');
  const [exporting, setExporting] = useState(false);
  const erase = useWsMutation({
    ws,
    request: () =>
      api<unknown>(paths.ws(ws, `assistants/${enc(assistant.id)}`), { method: 'DELETE', json: { confirm } }),
    success: `${assistant.name ?? assistant.id}'s data was erased`,
  });
  const exportOne = async () => {
    setExporting(true);
    try {
      await download(paths.ws(ws, `assistants/${enc(assistant.id)}/export`), `${assistant.id}.json`);
    } catch (e) {
      notifyError('export the assistant', e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <SectionCard
      tone="danger"
      title="When an assistant leaves"
      description="Give them their data, then erase it: events, KPIs, reviews and identities are removed; the audit log keeps that it happened."
    >
      <Group>
        <Button variant="light" onClick={() => void exportOne()} loading={exporting}>
          Export {assistant.name ?? assistant.id}'s data
        </Button>
        <Badge variant="light" color="gray" tt="none">
          JSON, everything about them
        </Badge>
      </Group>
      <Stack gap="sm" maw={480}>
        <TextInput
          label={`Type the assistant id (${assistant.id}) to erase`}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
        />
        <FormError error={erase.error} />
        <Group>
          <Button
            color="red"
            disabled={confirm !== assistant.id}
            loading={erase.isPending}
            onClick={() => erase.mutate(undefined)}
          >
            Erase assistant
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TandemEvent } from '#core/events/event-types';
import { newEventId, useCreateEvent } from '../../api/events-api.ts';
import { useKpiSummaries } from '../../api/kpis-api.ts';
import { todayIn } from '../../format/zoned-time.ts';
import { EntryForm, type FormProps } from './EntryForms.tsx';

/**
 * One period's value of a KPI measured by hand (SPEC §4 `manual`). The KPI is chosen by its
 * name among the assistant's manual KPIs, not typed as an id.
 */
export function ManualValueForm({ ws, assistant }: FormProps) {
  const kpis = useKpiSummaries(ws, assistant.id);
  const manual = (kpis.data ?? [])
    .map((s) => s.kpi)
    .filter((k) => k.metric === 'manual' && (k.status === 'active' || k.status === 'proposed'));
  const [kpi, setKpi] = useState<string | null>(null);
  const [period, setPeriod] = useState(todayIn(assistant.timezone).slice(0, 7));
  const [value, setValue] = useState<number | string>('');
  const create = useCreateEvent(ws, 'Value saved');
  return (
    <EntryForm
      submitLabel="Save value"
      pending={create.isPending}
      error={create.error}
      onSubmit={() =>
        typeof value === 'number' &&
        kpi !== null &&
        create.mutate({
          type: 'manualValue',
          id: newEventId('manualValue'),
          assistant: assistant.id,
          kpi,
          period,
          value,
        } as TandemEvent)
      }
    >
      {!kpis.isPending && manual.length === 0 && (
        <Text size="sm" c="dimmed">
          {assistant.name ?? 'This assistant'} has no KPI measured by hand yet: agree one first, then enter
          its values here.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label="KPI"
          required
          data={manual.map((k) => ({ value: k.id, label: k.name }))}
          value={kpi}
          onChange={setKpi}
          placeholder={kpis.isPending ? 'Loading…' : manual.length === 0 ? 'None yet' : 'Choose'}
        />
        <TextInput
          label="Period"
          description="2026-W47, 2026-11 or 2026-Q4"
          required
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
        />
        <NumberInput label="Value" required value={value} onChange={setValue} />
      </SimpleGrid>
    </EntryForm>
  );
}

import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMemo } from 'react';
import { allZones, viewerZone } from '../../format/format-instant.ts';
import { ScheduleEditor } from '../schedule/ScheduleEditor.tsx';
import { defaultSchedule, type WeeklySchedule } from '../schedule/schedule-model.ts';
import { ROLE_OPTIONS } from './role-options.ts';

export interface AssistantDraft {
  id: string;
  name: string;
  timezone: string;
  role: string | null;
  schedule: WeeklySchedule;
  daysOff: string[];
}

export function emptyAssistantDraft(): AssistantDraft {
  return { id: '', name: '', timezone: viewerZone(), role: null, schedule: defaultSchedule(), daysOff: [] };
}

/** A short id from a name: `Maria Santos` → `maria-santos` (events name the assistant by it). */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

interface AssistantFieldsProps {
  value: AssistantDraft;
  onChange: (next: AssistantDraft) => void;
  /** The id cannot change once events use it. */
  idLocked?: boolean;
  /** Hide the working-hours editor (e.g. when a dated schedule change is edited separately). */
  withSchedule?: boolean;
}

/** Name, id, zone, role, working hours and days off of one assistant (SPEC §2). */
export function AssistantFields({
  value,
  onChange,
  idLocked = false,
  withSchedule = true,
}: AssistantFieldsProps) {
  const zones = useMemo(() => allZones(), []);
  const set = <K extends keyof AssistantDraft>(k: K, v: AssistantDraft[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Name"
          required
          value={value.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            onChange({
              ...value,
              name,
              id:
                idLocked || (value.id !== '' && value.id !== idFromName(value.name))
                  ? value.id
                  : idFromName(name),
            });
          }}
        />
        <TextInput
          label="Id"
          description="How imports and the API name this assistant"
          required
          disabled={idLocked}
          value={value.id}
          onChange={(e) => set('id', e.currentTarget.value)}
        />
        <Select
          label="Time zone"
          description="Deadlines, weeks and working hours use this zone"
          required
          searchable
          data={zones}
          value={value.timezone}
          onChange={(z) => z && set('timezone', z)}
          limit={50}
        />
        <Select
          label="Role"
          description="Suggests KPIs, a quality rubric and a response benchmark"
          clearable
          data={ROLE_OPTIONS}
          value={value.role}
          onChange={(r) => set('role', r)}
        />
      </SimpleGrid>
      {withSchedule && (
        <ScheduleEditor value={value.schedule} onChange={(s) => set('schedule', s)} zone={value.timezone} />
      )}
      <DatePickerInput
        type="multiple"
        label="Days off"
        description="Holidays and leave: no working time is counted on these local dates"
        placeholder="Pick dates"
        clearable
        value={value.daysOff}
        onChange={(dates) => set('daysOff', [...dates].sort())}
        valueFormat="D MMM YYYY"
      />
    </>
  );
}

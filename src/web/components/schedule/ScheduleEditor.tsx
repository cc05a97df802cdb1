import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import {
  type Interval,
  intervalMinutes,
  WEEKDAYS,
  type Weekday,
  type WeeklySchedule,
  weeklyHours,
} from './schedule-model.ts';

interface ScheduleEditorProps {
  value: WeeklySchedule;
  onChange: (next: WeeklySchedule) => void;
  /** Shown in the legend: whose local time this is. */
  zone: string;
}

function formatLength(iv: Interval): string {
  const m = intervalMinutes(iv);
  const h = Math.floor(m / 60);
  const r = m % 60;
  return r === 0 ? `${h} h` : `${h} h ${r} min`;
}

/**
 * Working hours per weekday, several intervals a day (a split shift, a night shift past
 * midnight), in the assistant's local time.
 */
export function ScheduleEditor({ value, onChange, zone }: ScheduleEditorProps) {
  const setDay = (day: Weekday, intervals: Interval[]) => {
    const next: WeeklySchedule = { ...value };
    if (intervals.length === 0) delete next[day];
    else next[day] = intervals;
    onChange(next);
  };
  const copyMondayToWeekdays = () => {
    const mon = value.mon ?? [];
    onChange({ ...value, tue: mon, wed: mon, thu: mon, fri: mon });
  };

  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        Working hours in {zone} local time
      </Text>
      {WEEKDAYS.map(({ key, label, short }) => {
        const intervals: Interval[] = (value[key] ?? []).map(([a, b]) => [a, b]);
        return (
          <Group key={key} align="flex-start" gap="xs" wrap="nowrap">
            <Text size="sm" w={34} pt={6} fw={500} aria-hidden="true">
              {short}
            </Text>
            <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
              {intervals.length === 0 && (
                <Text size="sm" c="dimmed" pt={6}>
                  Day off
                </Text>
              )}
              {intervals.map((iv, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an interval has no identity but its position in the day
                <Group key={`${key}-${i}`} gap={4} wrap="nowrap">
                  <TimeInput
                    aria-label={`${label}, interval ${i + 1}, start`}
                    value={iv[0]}
                    onChange={(e) => {
                      const next = intervals.slice();
                      next[i] = [e.currentTarget.value, iv[1]];
                      setDay(key, next);
                    }}
                    size="xs"
                    w={84}
                  />
                  <Text size="sm" aria-hidden="true">
                    –
                  </Text>
                  <TimeInput
                    aria-label={`${label}, interval ${i + 1}, end`}
                    value={iv[1]}
                    onChange={(e) => {
                      const next = intervals.slice();
                      next[i] = [iv[0], e.currentTarget.value];
                      setDay(key, next);
                    }}
                    size="xs"
                    w={84}
                  />
                  <Text size="xs" c="dimmed" visibleFrom="xs" style={{ whiteSpace: 'nowrap' }}>
                    {iv[0] && iv[1] ? formatLength(iv) : ''}
                    {iv[1] && iv[0] && iv[1] <= iv[0] ? ' (past midnight)' : ''}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${label} interval ${i + 1}`}
                    onClick={() =>
                      setDay(
                        key,
                        intervals.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            <ActionIcon
              variant="light"
              aria-label={`Add an interval on ${label}`}
              title={`Add an interval on ${label}`}
              onClick={() =>
                setDay(key, [...intervals, intervals.length === 0 ? ['09:00', '17:00'] : ['18:00', '20:00']])
              }
            >
              +
            </ActionIcon>
          </Group>
        );
      })}
      <Group justify="space-between" mt={4} wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed">
          {Math.round(weeklyHours(value) * 10) / 10} h a week
        </Text>
        <Button size="compact-xs" variant="light" onClick={copyMondayToWeekdays}>
          Copy Monday to Tue–Fri
        </Button>
      </Group>
    </Stack>
  );
}

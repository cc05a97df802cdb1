import { Text, Tooltip } from '@mantine/core';
import { formatInstant, viewerZone, zoneAbbreviation, zoneCity } from '../format/format-instant.ts';

/**
 * An instant in the viewer's zone and, when it differs, the assistant's zone, each named
 * (issue 7: deadlines mean the assistant's local day).
 */
export function DualTime({
  at,
  assistantZone,
  assistantName,
}: {
  at: string;
  assistantZone?: string;
  assistantName?: string;
}) {
  const mine = viewerZone();
  const own = formatInstant(at, mine);
  const mineName = `${zoneCity(mine)}, ${zoneAbbreviation(at, mine)}`;
  if (!assistantZone || assistantZone === mine) {
    return (
      <Text size="xs" component="span">
        {own}{' '}
        <Text span c="dimmed" size="xs">
          ({mineName})
        </Text>
      </Text>
    );
  }
  const theirs = formatInstant(at, assistantZone);
  const theirsName = `${zoneCity(assistantZone)}, ${zoneAbbreviation(at, assistantZone)}`;
  return (
    <Tooltip label={`${assistantName ?? 'The assistant'}'s local time: ${theirs} (${theirsName})`} withArrow>
      <Text size="xs" component="span" tabIndex={0}>
        {own}{' '}
        <Text span c="dimmed" size="xs">
          ({mineName})
        </Text>
        <br />
        <Text span c="dimmed" size="xs">
          {theirs} {assistantName ? `${assistantName}'s time` : 'their time'} ({theirsName})
        </Text>
      </Text>
    </Tooltip>
  );
}

/**
 * "Source quiet since …" on an assistant's page (issue 9 item 1): when a live connection that
 * feeds this assistant has delivered nothing for days, a null week is no proof of no work.
 */
import { Alert, Text } from '@mantine/core';
import { useSourceFreshness } from '../api/integrations-api.ts';
import { formatInstant, viewerZone } from '../format/format-instant.ts';

export function SourceQuietNotice({ ws, assistant }: { ws: string; assistant: string }) {
  const sources = useSourceFreshness(ws, assistant);
  const quiet = (sources.data ?? []).filter((s) => s.quietSince !== null);
  if (quiet.length === 0) return null;
  const zone = viewerZone();
  return (
    <Alert color="yellow" variant="light" title="A source has gone quiet" role="status">
      {quiet.map((s) => (
        <Text key={s.connection} size="sm">
          {s.name} ({s.provider}): source quiet since {formatInstant(s.quietSince as string, zone)}. Numbers
          from it may be missing — an empty week here is not necessarily a week without work.
        </Text>
      ))}
    </Alert>
  );
}

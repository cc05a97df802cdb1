import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useExclusion } from '../../api/events-api.ts';
import { FormError } from '../FormError.tsx';
import { str } from './event-summary.ts';

/**
 * Marks an event excluded with a reason (SPEC §3: kept on record and in drill-downs, counted by
 * no metric; set when both sides agree, and audited), or counts it again.
 */
export function ExcludeEventButton({ ws, event }: { ws: string; event: Record<string, unknown> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const exclusion = useExclusion(ws);
  const type = str(event, 'type') ?? '';
  const id = str(event, 'id') ?? '';
  const excluded = str(event, 'excluded');
  if (excluded) {
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        loading={exclusion.isPending}
        onClick={() => exclusion.mutate({ type, id, reason: null })}
      >
        Count again
      </Button>
    );
  }
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
        Exclude…
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Exclude this event from every metric">
        <Stack gap="sm">
          <Text size="sm">
            The event stays on record and in drill-downs, marked with your reason. Do this when both sides
            agree — for example a deadline missed because the client's input came late, or a tool outage.
          </Text>
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <FormError error={exclusion.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              disabled={reason.trim() === ''}
              loading={exclusion.isPending}
              onClick={() =>
                exclusion.mutate(
                  { type, id, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      setReason('');
                    },
                  },
                )
              }
            >
              Exclude
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

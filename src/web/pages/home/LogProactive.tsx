import { Button, Card, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { TandemEvent } from '#core/events/event-types';
import type { Assistant } from '#shared/api-schemas';
import { newEventId, useCreateEvent } from '../../api/events-api.ts';
import { FormError } from '../../components/FormError.tsx';

/** A proactive action in two clicks: open, type a few words, log (SPEC §3 proactive). */
export function LogProactive({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const create = useCreateEvent(ws, 'Proactive action logged. Nice one.');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = description.trim() || 'Proactive action';
    create.mutate(
      {
        type: 'proactive',
        id: newEventId('proactive'),
        assistant: assistant.id,
        occurredAt: new Date().toISOString(),
        description: text,
      } as TandemEvent,
      {
        onSuccess: () => {
          setDescription('');
          setOpen(false);
        },
      },
    );
  };
  return (
    <Card padding="md" bg="teal.0" withBorder={false}>
      {open ? (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              ref={input}
              label="What did you do without being asked?"
              placeholder="e.g. Flagged a clash in next week's travel"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={create.isPending}>
              Log it
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </Group>
          <FormError error={create.error} />
        </form>
      ) : (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm">Did something useful without being asked? It counts.</Text>
          <Button onClick={() => setOpen(true)}>Log a proactive action</Button>
        </Group>
      )}
    </Card>
  );
}

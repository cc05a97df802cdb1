import {
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Member } from '#shared/api-schemas';
import type { ActionItem, Checkin } from '#shared/review-schemas';
import { useAddActionItem, useCheckinNotes, useToggleActionItem } from '../../api/reviews-api.ts';
import { FormError } from '../../components/FormError.tsx';
import { memberName } from '../../components/member-name.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';

interface Props {
  ws: string;
  checkin: Checkin;
  /** Whose notes the viewer writes; null: they read only. */
  side: 'manager' | 'assistant' | null;
  people: readonly Member[];
}

function ItemRow({
  ws,
  item,
  people,
  canWrite,
}: {
  ws: string;
  item: ActionItem;
  people: readonly Member[];
  canWrite: boolean;
}) {
  const toggle = useToggleActionItem(ws);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Checkbox
        aria-label={`Done: ${item.text}`}
        checked={item.done}
        disabled={!canWrite || toggle.isPending}
        onChange={(e) => toggle.mutate({ id: item.id, done: e.currentTarget.checked })}
        mt={2}
      />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" td={item.done ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
        <Text size="xs" c="dimmed">
          {memberName(people, item.owner)} · due {formatLocalDate(item.dueDate)}
          {item.done && item.doneOn ? ` · done ${formatLocalDate(item.doneOn)}` : ''}
        </Text>
      </div>
    </Group>
  );
}

function NotesField({
  ws,
  checkin,
  side,
  label,
}: {
  ws: string;
  checkin: Checkin;
  side: 'manager' | 'assistant';
  label: string;
}) {
  const saved = side === 'manager' ? checkin.managerNotes : checkin.assistantNotes;
  const [text, setText] = useState(saved);
  const save = useCheckinNotes(ws);
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={text === saved}
          loading={save.isPending}
          onClick={() => save.mutate({ id: checkin.id, notes: text })}
        >
          Save my notes
        </Button>
      </Group>
      <FormError error={save.error} />
    </Stack>
  );
}

function ReadNotes({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text
        size="sm"
        c={text ? undefined : 'dimmed'}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {text || 'Nothing written yet.'}
      </Text>
    </Stack>
  );
}

function AddItem({ ws, checkin, people }: { ws: string; checkin: Checkin; people: readonly Member[] }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const add = useAddActionItem(ws);
  const owners = people.filter((p) => p.role !== 'viewer');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!owner) return;
    add.mutate(
      { checkin: checkin.id, text: text.trim(), owner, dueDate: due },
      {
        onSuccess: () => {
          setText('');
          setDue('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={`Add an action item at the check-in of ${checkin.date}`}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label="New action item"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          required
          style={{ flex: '2 1 14rem' }}
        />
        <Select
          label="Owner"
          data={owners.map((p) => ({ value: p.userId, label: p.name ?? p.email }))}
          value={owner}
          onChange={setOwner}
          required
          style={{ flex: '1 1 10rem' }}
        />
        <TextInput
          label="Due"
          type="date"
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          required
          style={{ flex: '1 1 9rem' }}
        />
        <Button type="submit" loading={add.isPending} disabled={!text.trim() || !owner || !due}>
          Add
        </Button>
      </Group>
      <FormError error={add.error} />
    </form>
  );
}

/** One check-in: both sides' notes (each writes only its own, SPEC §8) and its action items. */
export function CheckinCard({ ws, checkin, side, people }: Props) {
  const canWrite = side !== null;
  return (
    <SectionCard title={`Check-in ${formatLocalDate(checkin.date)}`}>
      <Stack gap="md">
        {side === 'manager' ? (
          <NotesField
            key={checkin.managerNotes}
            ws={ws}
            checkin={checkin}
            side="manager"
            label="Manager's notes (yours)"
          />
        ) : (
          <ReadNotes label="Manager's notes" text={checkin.managerNotes} />
        )}
        {side === 'assistant' ? (
          <NotesField
            key={checkin.assistantNotes}
            ws={ws}
            checkin={checkin}
            side="assistant"
            label="Assistant's notes (yours)"
          />
        ) : (
          <ReadNotes label="Assistant's notes" text={checkin.assistantNotes} />
        )}
        <Stack gap="xs">
          <Title order={3} size="h5">
            Action items
          </Title>
          {checkin.carried.length > 0 && (
            <Stack gap={6}>
              <Badge variant="light" color="gray" tt="none" w="fit-content">
                Carried forward until done
              </Badge>
              {checkin.carried.map((i) => (
                <ItemRow key={i.id} ws={ws} item={i} people={people} canWrite={canWrite} />
              ))}
            </Stack>
          )}
          {checkin.items.map((i) => (
            <ItemRow key={i.id} ws={ws} item={i} people={people} canWrite={canWrite} />
          ))}
          {checkin.items.length === 0 && checkin.carried.length === 0 && (
            <Text size="sm" c="dimmed">
              No action items.
            </Text>
          )}
          {canWrite && <AddItem ws={ws} checkin={checkin} people={people} />}
        </Stack>
      </Stack>
    </SectionCard>
  );
}

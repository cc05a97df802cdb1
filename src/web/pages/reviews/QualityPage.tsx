import { Badge, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import type { QualitySample } from '#shared/quality-schemas';
import { useQualitySamples, useRateSample, useSkipSample } from '../../api/quality-api.ts';
import { canManage, useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant } from '../../format/format-instant.ts';
import { AssistantScreen } from './AssistantScreen.tsx';

const SCORES = ['1', '2', '3', '4', '5'];
const label = (criterion: string) => criterion.charAt(0).toUpperCase() + criterion.slice(1);

function RateForm({ ws, sample }: { ws: string; sample: QualitySample }) {
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const rate = useRateSample(ws);
  const skip = useSkipSample(ws);
  const complete = sample.rubric.every((c) => scores[c] !== undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const criteria = Object.fromEntries(sample.rubric.map((c) => [c, Number(scores[c])]));
        rate.mutate({ id: sample.id, criteria, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <Stack gap="xs">
        {sample.rubric.map((c) => (
          <Group key={c} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" fw={500} id={`${sample.id}-${c}`}>
              {label(c)}
            </Text>
            <SegmentedControl
              aria-labelledby={`${sample.id}-${c}`}
              data={SCORES}
              value={scores[c] ?? ''}
              onChange={(v) => setScores((s) => ({ ...s, [c]: v }))}
              size="sm"
            />
          </Group>
        ))}
        <Textarea
          label="Comment (optional)"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" disabled={!complete} loading={rate.isPending}>
            Save rating
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={skip.isPending}
            onClick={() => skip.mutate({ id: sample.id })}
          >
            Cannot judge this one
          </Button>
        </Group>
        <FormError error={rate.error ?? skip.error} />
      </Stack>
    </form>
  );
}

function SampleCard({
  ws,
  sample,
  canRate,
  zone,
}: {
  ws: string;
  sample: QualitySample;
  canRate: boolean;
  /** The assistant's zone: when the work was done, in their local time. */
  zone: string;
}) {
  const t = sample.task;
  return (
    <SectionCard
      title={t.title}
      description={`${t.completedAt ? `Completed ${formatInstant(t.completedAt, zone)}` : 'Completed'}${t.category ? ` · ${t.category}` : ''}${t.client ? ` · ${t.client}` : ''} · sample of ${sample.week}`}
      actions={
        <Badge
          variant="light"
          color={sample.status === 'pending' ? 'blue' : sample.status === 'rated' ? 'teal' : 'gray'}
        >
          {sample.status === 'skipped' ? 'not rated' : sample.status}
        </Badge>
      }
    >
      {sample.status === 'pending' && canRate && <RateForm ws={ws} sample={sample} />}
      {sample.status === 'pending' && !canRate && (
        <Text size="sm" c="dimmed">
          Waiting for the manager to rate it with the rubric: {sample.rubric.join(', ')}.
        </Text>
      )}
      {sample.rating && (
        <Text size="sm">
          {Object.entries(sample.rating.criteria)
            .map(([c, v]) => `${label(c)} ${v} / 5`)
            .join(' · ')}
          {sample.rating.comment ? ` — “${sample.rating.comment}”` : ''}
        </Text>
      )}
    </SectionCard>
  );
}

function AssistantQuality({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const { role } = useWorkspace();
  const samples = useQualitySamples(ws, assistant.id);
  return (
    <QueryView query={samples} what="quality samples">
      {(list) =>
        list.length === 0 ? (
          <EmptyNotice
            title="Nothing to rate yet"
            description="Each week a few of last week's completed tasks are drawn at random, once the week has ended in the assistant's time zone. The sample size is in Settings."
          />
        ) : (
          <Stack gap="lg">
            {list.map((s) => (
              <SampleCard key={s.id} ws={ws} sample={s} canRate={canManage(role)} zone={assistant.timezone} />
            ))}
          </Stack>
        )
      }
    </QueryView>
  );
}

/** The weekly quality sample of an assistant's completed tasks, rated with the role's rubric. */
export function QualityPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/quality' });
  const navigate = useNavigate({ from: '/w/$ws/quality' });
  return (
    <AssistantScreen
      ws={ws}
      title="Quality sampling"
      description="A fair, random draw of last week's finished work, rated with the role's rubric. Ratings count in the quality score."
      chosen={search.assistant}
      onChoose={(v) => void navigate({ search: { assistant: v } })}
    >
      {(me) => <AssistantQuality ws={ws} assistant={me} />}
    </AssistantScreen>
  );
}

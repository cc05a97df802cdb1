import { describe, expect, it } from 'vitest';
import {
  buildAssistant,
  buildDocReview,
  buildGoal,
  buildManualValue,
  buildProactive,
  buildPulse,
  buildRating,
  buildRequest,
  buildSurvey,
  buildTask,
  buildTimeEntry,
  ms,
} from '#test/builders';
import type { AppError } from '../errors.ts';
import { computeMetrics, metricsForFilter } from './compute.ts';

// Assistant ava in Europe/Berlin (CET, +01:00), default schedule Mon–Fri 09:00–17:00.
// 2026-W47 = Mon 16 – Sun 22 Nov 2026. asOf = Wed 25 Nov 12:00 +01:00.
const AS_OF = '2026-11-25T12:00:00+01:00';

/** One event of every type, all in W47 (November), each worked by hand below. */
function oneOfEach() {
  return [
    // on time: due by the end of 18 Nov, done 15:00 that day.
    buildTask({ dueDate: '2026-11-18', completedAt: '2026-11-18T15:00:00+01:00' }),
    // 10:00 → 10:45 on a Monday: 45 working minutes.
    buildRequest({ receivedAt: '2026-11-16T10:00:00+01:00', firstResponseAt: '2026-11-16T10:45:00+01:00' }),
    buildRating({ score: 4, ratedAt: '2026-11-17T10:00:00+01:00' }),
    buildProactive({ occurredAt: '2026-11-18T10:00:00+01:00' }),
    // (5 + 4) / 2 = 4.5
    buildDocReview({ clarity: 5, completeness: 4, reviewedAt: '2026-11-19T10:00:00+01:00' }),
    buildGoal({ period: '2026-11', status: 'partially_met' }),
    // a 3 is not satisfied: value 0 (a real zero, not null), mean 3.
    buildSurvey({ score: 3, respondedAt: '2026-11-20T10:00:00+01:00' }),
    // 2 h priority + 2 h other → 0.5.
    buildTimeEntry({ priority: true, start: '2026-11-17T09:00:00+01:00', end: '2026-11-17T11:00:00+01:00' }),
    buildTimeEntry({ start: '2026-11-17T11:00:00+01:00', end: '2026-11-17T13:00:00+01:00' }),
    // Read by no metric of compute.
    buildPulse({ week: '2026-W47' }),
    buildManualValue({ period: '2026-W47' }),
  ];
}

describe('computeMetrics', () => {
  it('reports every §4 metric with its §12 fields, in §12 order, sorted by metric id', () => {
    const out = computeMetrics(
      { assistants: [buildAssistant()], events: oneOfEach() },
      { period: 'week', asOf: ms(AS_OF) },
    );
    // JSON text, so that the order of the fields is checked too.
    expect(out.map((r) => JSON.stringify(r))).toEqual([
      '{"assistant":"ava","metric":"csat","period":"2026-W47","value":0,"mean":3,"count":1}',
      '{"assistant":"ava","metric":"doc_quality","period":"2026-W47","value":4.5,"count":1}',
      '{"assistant":"ava","metric":"on_time_rate","period":"2026-W47","value":1,"onTime":1,"late":0,"pending":0}',
      '{"assistant":"ava","metric":"priority_time_share","period":"2026-W47","value":0.5,"priorityHours":2,"totalHours":4}',
      '{"assistant":"ava","metric":"proactivity","period":"2026-W47","value":1}',
      '{"assistant":"ava","metric":"quality_score","period":"2026-W47","value":4,"count":1}',
      '{"assistant":"ava","metric":"response_time","period":"2026-W47","value":45,"median":45,"p90":45,"answered":1,"unanswered":0}',
    ]);
  });

  it('adds goal_alignment for a month period', () => {
    const out = computeMetrics(
      { assistants: [buildAssistant()], events: oneOfEach() },
      { period: 'month', asOf: ms(AS_OF) },
    );
    expect(out.map((r) => r.metric)).toEqual([
      'csat',
      'doc_quality',
      'goal_alignment',
      'on_time_rate',
      'priority_time_share',
      'proactivity',
      'quality_score',
      'response_time',
    ]);
    // One goal partially met: 0.5 / 1.
    expect(out.find((r) => r.metric === 'goal_alignment')).toEqual({
      assistant: 'ava',
      metric: 'goal_alignment',
      period: '2026-11',
      value: 0.5,
      met: 0,
      partiallyMet: 1,
      notMet: 0,
    });
  });

  it('sees nothing after asOf: a completion, an answer and whole events', () => {
    const asOf = '2026-11-18T12:00:00+01:00';
    const events = [
      // completed after asOf, due date not over at asOf → pending.
      buildTask({ dueDate: '2026-11-18', completedAt: '2026-11-18T12:00:01+01:00' }),
      // created after asOf → left out.
      buildTask({ createdAt: '2026-11-18T12:00:01+01:00', dueDate: '2026-11-17' }),
      // answered after asOf → unanswered.
      buildRequest({ receivedAt: '2026-11-17T10:00:00+01:00', firstResponseAt: '2026-11-18T12:01:00+01:00' }),
      // received after asOf → left out.
      buildRequest({ receivedAt: '2026-11-18T12:00:01+01:00' }),
      buildRating({ ratedAt: '2026-11-18T12:00:01+01:00' }),
      buildProactive({ occurredAt: '2026-11-18T12:00:01+01:00' }),
      buildDocReview({ reviewedAt: '2026-11-18T12:00:01+01:00' }),
      buildSurvey({ respondedAt: '2026-11-18T12:00:01+01:00' }),
      // started after asOf → left out; running past asOf → 11:00–12:00 = 1 h.
      buildTimeEntry({ start: '2026-11-18T12:00:01+01:00', end: '2026-11-18T13:00:00+01:00' }),
      buildTimeEntry({
        priority: true,
        start: '2026-11-18T11:00:00+01:00',
        end: '2026-11-18T15:00:00+01:00',
      }),
    ];
    const out = computeMetrics(
      { assistants: [buildAssistant()], events },
      { period: 'week', asOf: ms(asOf) },
    );
    expect(out).toEqual([
      {
        assistant: 'ava',
        metric: 'on_time_rate',
        period: '2026-W47',
        value: null,
        onTime: 0,
        late: 0,
        pending: 1,
      },
      {
        assistant: 'ava',
        metric: 'priority_time_share',
        period: '2026-W47',
        value: 1,
        priorityHours: 1,
        totalHours: 1,
      },
      {
        assistant: 'ava',
        metric: 'response_time',
        period: '2026-W47',
        value: null,
        median: null,
        p90: null,
        answered: 0,
        unanswered: 1,
      },
    ]);
  });

  it('sorts by assistant, then metric id, then period label in plain string order', () => {
    const assistants = ['bob', 'Zed', 'ava'].map((id) => buildAssistant({ id }));
    const events = ['bob', 'Zed', 'ava'].flatMap((assistant) => [
      buildProactive({ assistant, occurredAt: '2026-03-02T10:00:00+01:00' }), // 2026-W10
      buildProactive({ assistant, occurredAt: '2026-02-27T10:00:00+01:00' }), // 2026-W09
      buildProactive({ assistant, occurredAt: '2027-01-04T10:00:00+01:00' }), // 2027-W01
      buildProactive({ assistant, occurredAt: '2026-12-31T10:00:00+01:00' }), // 2026-W53
      buildSurvey({ assistant, respondedAt: '2026-03-02T10:00:00+01:00' }),
    ]);
    const out = computeMetrics({ assistants, events }, { period: 'week', asOf: ms('2027-02-01T00:00:00Z') });
    const keys = out.map((r) => `${r.assistant} ${r.metric} ${r.period}`);
    const perAssistant = (a: string) => [
      `${a} csat 2026-W10`,
      `${a} proactivity 2026-W09`,
      `${a} proactivity 2026-W10`,
      `${a} proactivity 2026-W53`,
      `${a} proactivity 2027-W01`,
    ];
    // 'Z' (U+005A) sorts before 'a' (U+0061).
    expect(keys).toEqual([...perAssistant('Zed'), ...perAssistant('ava'), ...perAssistant('bob')]);
  });

  it('reports nothing for an assistant without events', () => {
    expect(
      computeMetrics({ assistants: [buildAssistant()], events: [] }, { period: 'week', asOf: ms(AS_OF) }),
    ).toEqual([]);
  });

  it('refuses an event of an assistant it does not know', () => {
    expect(() =>
      computeMetrics({ assistants: [], events: [buildProactive()] }, { period: 'week', asOf: ms(AS_OF) }),
    ).toThrow(expect.objectContaining({ code: 'unknown_assistant' }) as AppError);
  });

  it('keeps filters to the metrics they can apply to', () => {
    expect(metricsForFilter({ category: 'follow-up' })).toEqual(['on_time_rate']);
    expect(metricsForFilter({ label: 'urgent' })).toEqual(['on_time_rate']);
    expect(metricsForFilter({ channel: 'slack' })).toEqual(['response_time']);
    expect(metricsForFilter({ client: 'acme' })).toHaveLength(8);
    expect(() => metricsForFilter({ channel: 'slack' }, ['on_time_rate'])).toThrow(
      expect.objectContaining({ code: 'invalid_filter' }) as AppError,
    );
    expect(() => metricsForFilter({ category: 'x', channel: 'slack' })).toThrow(
      expect.objectContaining({ code: 'invalid_filter' }) as AppError,
    );
    expect(() => metricsForFilter({ label: 'x' }, ['csat'])).toThrow(
      expect.objectContaining({ code: 'invalid_filter' }) as AppError,
    );
  });

  it('reports only the filtered metrics with a filter', () => {
    const out = computeMetrics(
      { assistants: [buildAssistant()], events: oneOfEach() },
      { period: 'week', asOf: ms(AS_OF), filter: { channel: 'email' } },
    );
    expect(out.map((r) => r.metric)).toEqual(['response_time']);
  });
});

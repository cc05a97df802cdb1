import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '#core/events/event-types';
import { convertSlackEvent } from './convert-slack-event.ts';
import { deliveryKeysSlack } from './delivery-key-slack.ts';
import { answersRequest, blocksNewRequest } from './slack-request-keys.ts';
import { slackUrlVerification } from './slack-url-verification.ts';

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const ANN = 'U0ANN0001';
const BOSS = 'U0BOSS001';
const identities = new Map([[`slack:${ANN}`, 'ann']]);

/** An Events API envelope shaped like Slack's documented `event_callback`. */
function buildEnvelope(event: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return {
    token: 'XXYYZZ',
    team_id: 'T0TEAM001',
    api_app_id: 'A0APP0001',
    event: {
      type: 'message',
      channel: 'C0CHAN001',
      channel_type: 'channel',
      event_ts: '1772445600.000100',
      ...event,
    },
    type: 'event_callback',
    event_id: 'Ev0PV52K21',
    event_time: 1772445600,
    authorizations: [{ enterprise_id: null, team_id: 'T0TEAM001', user_id: ANN, is_bot: false }],
    ...over,
  };
}

describe('convertSlackEvent', () => {
  it('opens a request for a channel message that mentions the assistant', () => {
    const body = buildEnvelope({
      user: BOSS,
      text: `<@${ANN}> can you book the venue?`,
      ts: '1772445600.000100',
    });
    expect(convertSlackEvent(enc(body), { identities })).toEqual({
      ok: true,
      value: {
        items: [
          {
            deliveryKey: 'slack:event:Ev0PV52K21',
            kind: 'openRequest',
            event: {
              type: 'request',
              id: `slack:C0CHAN001/1772445600.000100/${ANN}`,
              source: 'slack',
              externalId: `C0CHAN001/1772445600.000100/${ANN}`,
              assistant: 'ann',
              channel: 'slack',
              threadKey: 'C0CHAN001/1772445600.000100',
              from: `slack:${BOSS}`,
              receivedAt: '2026-03-02T10:00:00Z',
            },
          },
        ],
        unmapped: [{ kind: 'slack', id: BOSS }],
        skipped: [],
      },
    });
  });

  it('opens a request for a DM to the assistant the events are delivered for', () => {
    const body = buildEnvelope({
      user: BOSS,
      text: 'quick one',
      ts: '1772445600.5',
      channel: 'D0DM00001',
      channel_type: 'im',
    });
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({
      ok: true,
      value: {
        items: [
          {
            kind: 'openRequest',
            event: { externalId: `D0DM00001/1772445600.5/${ANN}`, receivedAt: '2026-03-02T10:00:00.500Z' },
          },
        ],
      },
    });
  });

  it('turns the assistant’s thread reply into an answer for that thread', () => {
    const body = buildEnvelope({
      user: ANN,
      text: 'done',
      ts: '1772449200.000200',
      thread_ts: '1772445600.000100',
    });
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({
      ok: true,
      value: {
        items: [
          {
            kind: 'answerRequests',
            answer: {
              source: 'slack',
              assistant: 'ann',
              conversation: 'C0CHAN001',
              thread: '1772445600.000100',
              directMessage: false,
              at: '2026-03-02T11:00:00Z',
            },
          },
        ],
      },
    });
  });

  it('opens a request for an app_mention in a thread, keyed by the thread', () => {
    const body = buildEnvelope({
      type: 'app_mention',
      user: BOSS,
      text: `<@${ANN}|ann> please check`,
      ts: '1772449300.000300',
      thread_ts: '1772445600.000100',
    });
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({
      ok: true,
      value: { items: [{ kind: 'openRequest', event: { threadKey: 'C0CHAN001/1772445600.000100' } }] },
    });
  });

  it('reports a mention of an unmapped user and skips it', () => {
    const body = buildEnvelope({ user: BOSS, text: '<@U0OTHER01> hi', ts: '1772445600.000100' });
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({
      ok: true,
      value: {
        items: [],
        unmapped: [{ id: BOSS }, { id: 'U0OTHER01' }],
        skipped: [{ reason: expect.stringContaining('U0OTHER01') }],
      },
    });
  });

  it.each([
    ['an edit', { subtype: 'message_changed' }],
    ['a join', { subtype: 'channel_join' }],
    ['a bot message', { subtype: 'bot_message' }],
  ])('skips %s', (_name, over) => {
    const body = buildEnvelope({ user: BOSS, text: `<@${ANN}>`, ts: '1772445600.000100', ...over });
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({ ok: true, value: { items: [] } });
  });

  it.each([
    ['not JSON', '{', 'invalid_json'],
    ['deeply nested', `{"event":${'['.repeat(40)}${']'.repeat(40)}}`, 'too_deep'],
    ['of an unknown envelope type', JSON.stringify({ type: 'block_actions' }), 'invalid_payload'],
    [
      'without event_id',
      JSON.stringify({ ...buildEnvelope({ user: BOSS, ts: '1.1' }), event_id: 7.5 }),
      'invalid_payload',
    ],
    [
      'with a user of the wrong type',
      JSON.stringify(buildEnvelope({ user: ['U1'], ts: '1.1' })),
      'invalid_payload',
    ],
    [
      'with a ts that is not a Slack ts',
      JSON.stringify(buildEnvelope({ user: BOSS, ts: '1e9' })),
      'invalid_payload',
    ],
    [
      'with a channel holding a slash',
      JSON.stringify(buildEnvelope({ user: BOSS, ts: '1.1', channel: 'C1/x' })),
      'invalid_payload',
    ],
  ])('answers a payload %s with a typed error', (_name, body, code) => {
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({ ok: false, error: { code } });
  });

  it('treats __proto__ keys as data', () => {
    const body = `{"__proto__":{"type":"url_verification"},${JSON.stringify(buildEnvelope({ user: BOSS, text: `<@${ANN}>`, ts: '1.1' })).slice(1)}`;
    expect(convertSlackEvent(enc(body), { identities })).toMatchObject({
      ok: true,
      value: { items: [{ kind: 'openRequest' }] },
    });
  });
});

const request = (over: Partial<RequestEvent>): RequestEvent => ({
  type: 'request',
  id: 'x',
  source: 'slack',
  externalId: `C0CHAN001/1772445600.000100/${ANN}`,
  assistant: 'ann',
  channel: 'slack',
  threadKey: 'C0CHAN001/1772445600.000100',
  receivedAt: '2026-03-02T10:00:00.000Z',
  ...over,
});
const answer = {
  source: 'slack' as const,
  assistant: 'ann',
  conversation: 'C0CHAN001',
  directMessage: false,
  at: '2026-03-02T11:00:00Z',
};

describe('answersRequest', () => {
  it('answers a top-level request by a top-level message or a reply in its thread', () => {
    expect(answersRequest(request({}), answer)).toBe(true);
    expect(answersRequest(request({}), { ...answer, thread: '1772445600.000100' })).toBe(true);
    expect(answersRequest(request({}), { ...answer, thread: '1772440000.000000' })).toBe(false);
  });

  it('answers a thread request only from that thread', () => {
    const r = request({
      externalId: `C0CHAN001/1772445700.000000/${ANN}`,
      threadKey: 'C0CHAN001/1772445600.000100',
    });
    expect(answersRequest(r, answer)).toBe(false);
    expect(answersRequest(r, { ...answer, thread: '1772445600.000100' })).toBe(true);
  });

  it('does not answer another assistant’s, another conversation’s, an answered or a later request', () => {
    expect(answersRequest(request({ assistant: 'bea' }), answer)).toBe(false);
    expect(answersRequest(request({}), { ...answer, conversation: 'C0OTHER01' })).toBe(false);
    expect(answersRequest(request({ firstResponseAt: '2026-03-02T10:30:00Z' }), answer)).toBe(false);
    expect(answersRequest(request({}), { ...answer, at: '2026-03-02T09:00:00.000Z' })).toBe(false);
  });

  it('answers a DM request by a top-level DM message only', () => {
    const r = request({
      externalId: `D0DM00001/1772445600.000100/${ANN}`,
      threadKey: 'D0DM00001/1772445600.000100',
    });
    const dm = { ...answer, conversation: 'D0DM00001', directMessage: true };
    expect(answersRequest(r, dm)).toBe(true);
    expect(answersRequest(r, { ...dm, thread: '1772445600.000100' })).toBe(false);
  });
});

describe('blocksNewRequest', () => {
  it('keeps a second top-level mention from opening a request while one is open', () => {
    const second = request({
      externalId: `C0CHAN001/1772446000.000000/${ANN}`,
      threadKey: 'C0CHAN001/1772446000.000000',
    });
    expect(blocksNewRequest(request({}), second)).toBe(true);
    expect(blocksNewRequest(request({ firstResponseAt: '2026-03-02T10:10:00Z' }), second)).toBe(false);
    expect(blocksNewRequest(request({}), request({}))).toBe(false);
  });
});

describe('Slack helpers', () => {
  it('echoes a url_verification challenge and nothing else', () => {
    expect(
      slackUrlVerification(
        enc({
          token: 't',
          challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
          type: 'url_verification',
        }),
      ),
    ).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    expect(slackUrlVerification(enc({ challenge: 'x', type: 'event_callback' }))).toBeUndefined();
    expect(slackUrlVerification(enc({ challenge: '<img>', type: 'url_verification' }))).toBeUndefined();
  });

  it('keys deliveries by event_id', () => {
    expect(deliveryKeysSlack(enc(buildEnvelope({})))).toEqual({ ok: true, keys: ['slack:event:Ev0PV52K21'] });
    expect(deliveryKeysSlack(enc({ type: 'event_callback' }))).toMatchObject({ ok: false });
  });
});

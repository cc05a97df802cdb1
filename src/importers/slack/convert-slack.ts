/**
 * Slack workspace export (zip, or its unzipped folder) → §3 requests (SPEC §10): a message that
 * mentions the assistant, or a DM to them, opens a request; their next message in that thread or
 * DM answers it (a top-level mention is also answered in the thread started from it). Times come
 * from `ts`, never from the day-file name (which is the workspace's local date). `users.json`
 * names the identities and carries their e-mail, so an e-mail mapping also maps the Slack user.
 */
import { formatInZone } from '../common/local-time.ts';
import { arr, isObject, type JsonObject, obj, parseJsonBytes, str } from '../common/read-json.ts';
import type { ImportContext } from '../import-context.ts';
import type { ExportFiles } from '../import-types.ts';

interface SlackUser {
  name: string;
  email?: string;
  /** A bot, an app or Slackbot. */
  bot: boolean;
}

interface Msg {
  ts: string;
  ms: number;
  user: string;
  text: string;
  thread?: string;
}

/** Subtypes that are a person writing; the rest (joins, bots, topic changes…) are not. */
const PERSON_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'me_message', 'file_comment']);
const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;

function tsMs(ts: string): number {
  const [s, frac = ''] = ts.split('.');
  return Number(s) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
}

/** Drops macOS resource forks and a single wrapping folder (re-zipped exports). */
function normalizeNames(files: ExportFiles['files']): ExportFiles['files'] {
  const kept = files.filter(
    (f) => !f.name.startsWith('__MACOSX/') && !/(^|\/)\._/.test(f.name) && f.name.endsWith('.json'),
  );
  const tops = new Set(kept.map((f) => f.name.split('/')[0]));
  const atRoot = kept.some((f) => !f.name.includes('/'));
  if (!atRoot && tops.size === 1) {
    const prefix = `${[...tops][0]}/`;
    return kept.map((f) => ({ name: f.name.slice(prefix.length), bytes: f.bytes }));
  }
  return kept;
}

export function convertSlack(input: ExportFiles, ctx: ImportContext): void {
  const files = normalizeNames(input.files);
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const readTop = (name: string): unknown[] => {
    const b = byName.get(name);
    if (!b) return [];
    const v = parseJsonBytes(b, name);
    return Array.isArray(v) ? v : [];
  };
  if (!byName.has('users.json')) ctx.note('no users.json: Slack users are known by id only');
  if (!byName.has('channels.json'))
    ctx.note('no channels.json: channel folders are taken as channels named by their folder');

  const users = new Map<string, SlackUser>();
  for (const u of readTop('users.json')) {
    if (!isObject(u)) continue;
    const id = str(u, 'id');
    if (!id) continue;
    const profile = obj(u, 'profile');
    const name =
      (profile && (str(profile, 'real_name') || str(profile, 'display_name'))) ||
      str(u, 'real_name') ||
      str(u, 'name') ||
      id;
    const email = profile ? str(profile, 'email') : undefined;
    const bot = u.is_bot === true || u.is_app_user === true || id === 'USLACKBOT';
    users.set(id, { name, bot, ...(email ? { email } : {}) });
  }
  // Folder name → conversation id and, for DMs, members.
  const conversations = new Map<string, { id: string; dmMembers?: string[] }>();
  for (const file of ['channels.json', 'groups.json', 'mpims.json'])
    for (const c of readTop(file)) {
      if (!isObject(c)) continue;
      const id = str(c, 'id');
      const name = str(c, 'name');
      if (id && name) conversations.set(name, { id });
    }
  for (const d of readTop('dms.json')) {
    if (!isObject(d)) continue;
    const id = str(d, 'id');
    if (id)
      conversations.set(id, {
        id,
        dmMembers: arr(d, 'members').filter((m): m is string => typeof m === 'string'),
      });
  }

  // "Which assistant is this Slack user": an id mapping, or the e-mail on their profile.
  const assistantOf = (user: string): string | undefined => {
    const email = users.get(user)?.email;
    const mapped = ctx.mapped('slack', user) ?? (email ? ctx.mapped('email', email) : undefined);
    return mapped === undefined ? undefined : (ctx.assistant ?? mapped);
  };
  const seen = (user: string) => {
    const email = users.get(user)?.email;
    ctx.identity('slack', user, users.get(user)?.name, email ? ctx.mapped('email', email) : undefined);
  };
  // Every person users.json names is listed, with or without messages, so they can be mapped
  // (issue 5 §3); bots and Slackbot never open or answer a request.
  for (const [id, u] of users)
    if (!u.bot) ctx.register('slack', id, u.name, u.email ? ctx.mapped('email', u.email) : undefined);
  if (!ctx.hasMappingsOf('slack') && !ctx.hasMappingsOf('email'))
    ctx.note(
      'no Slack user is mapped to an assistant, so no request can be derived: map them with --identities',
    );

  const messagesOf = new Map<string, Msg[]>();
  for (const f of files) {
    const m = DAY_FILE.exec(f.name);
    if (!m) continue;
    const folder = m[1] as string;
    const day = parseJsonBytes(f.bytes, f.name);
    if (!Array.isArray(day)) {
      ctx.skip({ entry: f.name, reason: 'a day file must hold a JSON array of messages' });
      continue;
    }
    let list = messagesOf.get(folder);
    if (!list) {
      list = [];
      messagesOf.set(folder, list);
    }
    for (const raw of day) {
      if (!isObject(raw)) continue;
      const msg = personMessage(raw);
      if (msg) list.push(msg);
    }
  }

  for (const [folder, msgs] of messagesOf) {
    const conv = conversations.get(folder) ?? { id: folder };
    msgs.sort((a, b) => a.ms - b.ms);
    convertConversation(folder, conv.id, conv.dmMembers, msgs, ctx, assistantOf, seen, users);
  }
}

function personMessage(raw: JsonObject): Msg | undefined {
  const subtype = str(raw, 'subtype');
  if (subtype && !PERSON_SUBTYPES.has(subtype)) return undefined;
  const user = str(raw, 'user');
  const ts = str(raw, 'ts');
  if (!user || !ts || !/^\d+(\.\d+)?$/.test(ts)) return undefined;
  const thread = str(raw, 'thread_ts');
  return {
    ts,
    ms: tsMs(ts),
    user,
    text: str(raw, 'text') ?? '',
    ...(thread && thread !== ts ? { thread } : {}),
  };
}

interface Open {
  msg: Msg;
  target: string;
  assistant: string;
  keys: string[];
  answeredMs?: number;
}

function convertConversation(
  folder: string,
  convId: string,
  dmMembers: string[] | undefined,
  msgs: Msg[],
  ctx: ImportContext,
  assistantOf: (u: string) => string | undefined,
  seen: (u: string) => void,
  users: Map<string, SlackUser>,
): void {
  const open = new Map<string, Open>(); // `${assistant}|${key}` → request
  const all: Open[] = [];
  for (const m of msgs) {
    seen(m.user);
    const author = assistantOf(m.user);
    const keys = m.thread ? [`thread:${m.thread}`] : ['top', `thread:${m.ts}`];
    if (author !== undefined) {
      for (const k of m.thread ? keys : ['top']) {
        const r = open.get(`${author}|${k}`);
        if (r && m.ms >= r.msg.ms) {
          r.answeredMs = m.ms;
          for (const rk of r.keys) open.delete(`${author}|${rk}`);
        }
      }
    }
    // Targets: mentioned users; in a DM, the other member.
    const targets = new Set<string>();
    for (const mm of m.text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)) targets.add(mm[1] as string);
    if (dmMembers) for (const u of dmMembers) targets.add(u);
    targets.delete(m.user);
    for (const t of targets) {
      seen(t);
      const a = assistantOf(t);
      if (a === undefined) {
        // With --assistant, a mention of someone else is simply not a request for them; without
        // it, the mention may be for an assistant not mapped yet, so it is listed.
        if (!dmMembers && ctx.assistant === undefined)
          ctx.skip({
            entry: `${folder} ${m.ts}`,
            externalId: `${convId}/${m.ts}/${t}`,
            reason: `mentions slack:${t}, who maps to no assistant`,
          });
        continue;
      }
      if (a === author) continue;
      const ownKeys = dmMembers ? ['top'] : keys;
      if (ownKeys.some((k) => open.has(`${a}|${k}`))) continue;
      const r: Open = { msg: m, target: t, assistant: a, keys: ownKeys };
      for (const k of ownKeys) open.set(`${a}|${k}`, r);
      all.push(r);
    }
  }
  for (const r of all) {
    ctx.emit(
      {
        type: 'request',
        externalId: `${convId}/${r.msg.ts}/${r.target}`,
        assistant: r.assistant,
        channel: 'slack',
        threadKey: `${convId}/${r.msg.thread ?? r.msg.ts}`,
        from: users.get(r.msg.user)?.name ?? `slack:${r.msg.user}`,
        receivedAt: formatInZone(r.msg.ms, ctx.timezone),
        ...(r.answeredMs !== undefined ? { firstResponseAt: formatInZone(r.answeredMs, ctx.timezone) } : {}),
      },
      { entry: `${folder} ${r.msg.ts}` },
    );
  }
}

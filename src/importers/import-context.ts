/**
 * The state one conversion writes into: attribution (SPEC §10: external identities → assistants),
 * the events (validated by the core validator, ids derived from source + externalId so a re-import
 * stores nothing new, SPEC §3) and the report (skips, identities, defaults, notes).
 */

import type { EventType, TandemEvent } from '#core/events/event-types';
import { validateEvent } from '#core/events/validate-event';
import { eventIdOf } from '#core/sources/event-id';
import { identityKey } from './identity-map.ts';
import type {
  ConvertResult,
  IdentityKind,
  ImportFormat,
  SeenIdentity,
  SkippedRecord,
} from './import-types.ts';

/** The report lists at most this many skipped records; `skippedTotal` counts them all. */
export const MAX_LISTED_SKIPS = 10_000;

export interface ContextInit {
  format: ImportFormat;
  /** `source` of every event, e.g. `trello`. */
  source: string;
  /** IANA zone for zone-less times; UTC (reported as a default) when absent. */
  timezone?: string;
  /** Attribute everything to this assistant (`--assistant`). */
  assistant?: string;
  identities?: Map<string, string>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a converter builds it: everything but `id` and `source`, which the context sets. */
export type DraftEvent = DistributiveOmit<TandemEvent, 'id' | 'source' | 'externalId'> & {
  externalId: string;
};

interface NoteEntry {
  count: number;
  /** Up to five distinct examples, each with how often it came. */
  examples: Map<string, number>;
}

/** A draft that already carries its `id` and `source` (see `ImportContext.place`). */
export type PlacedDraft = DraftEvent & { id: string; source: string };

export class ImportContext {
  readonly format: ImportFormat;
  readonly source: string;
  readonly timezone: string;
  readonly timezoneGiven: boolean;
  readonly assistant: string | undefined;
  private readonly identityMap: Map<string, string>;
  private readonly seen = new Map<string, SeenIdentity>();
  private readonly rawSeen = new Map<
    IdentityKind,
    Map<string, { seen: SeenIdentity; mapped: string | undefined }>
  >();
  private readonly events: TandemEvent[] = [];
  private readonly keyIndex = new Map<string, number>();
  private readonly skipped: SkippedRecord[] = [];
  private skippedTotal = 0;
  private readonly defaults = new Set<string>();
  private readonly notes = new Map<string, NoteEntry>();

  constructor(init: ContextInit) {
    this.format = init.format;
    this.source = init.source;
    this.timezoneGiven = init.timezone !== undefined;
    this.timezone = init.timezone ?? 'UTC';
    this.assistant = init.assistant;
    this.identityMap = init.identities ?? new Map();
  }

  /** True when some mapping (or `--assistant`) can attribute events. */
  get canAttribute(): boolean {
    return this.assistant !== undefined || this.identityMap.size > 0;
  }

  /**
   * Records an external identity as seen and returns the assistant it maps to, if any. `via` is the
   * assistant it maps to through another identity (a Slack user through their e-mail).
   */
  identity(kind: IdentityKind, id: string, name?: string, via?: string): string | undefined {
    return this.track(kind, id, name, via, 1);
  }

  /**
   * Lists an identity the export names (a board member, a `users.json` user) as seen without
   * counting a record for it, so it can be mapped before it has records (issue 5 §3).
   */
  register(kind: IdentityKind, id: string, name?: string, via?: string): string | undefined {
    return this.track(kind, id, name, via, 0);
  }

  private track(
    kind: IdentityKind,
    id: string,
    name: string | undefined,
    via: string | undefined,
    records: number,
  ): string | undefined {
    // Large files name the same few identities on every row: remember them by the raw id.
    const fast = this.rawSeen.get(kind)?.get(id);
    if (fast) {
      fast.seen.count += records;
      if (name && !fast.seen.name) fast.seen.name = name;
      return fast.mapped;
    }
    const key = identityKey(kind, id);
    const mapped = this.identityMap.get(key) ?? via;
    let s = this.seen.get(key);
    if (!s) {
      s = { kind, id: kind === 'email' ? id.trim().toLowerCase() : id, count: 0 };
      if (mapped !== undefined) s.assistant = mapped;
      this.seen.set(key, s);
    }
    if (name && !s.name) s.name = name;
    s.count += records;
    let perKind = this.rawSeen.get(kind);
    if (!perKind) {
      perKind = new Map();
      this.rawSeen.set(kind, perKind);
    }
    perKind.set(id, { seen: s, mapped });
    return mapped;
  }

  /** The assistant an identity maps to, without counting it as seen. */
  mapped(kind: IdentityKind, id: string): string | undefined {
    return this.identityMap.get(identityKey(kind, id));
  }

  /** True when any identity of this kind maps to an assistant. */
  hasMappingsOf(kind: IdentityKind): boolean {
    const prefix = `${kind}:`;
    for (const k of this.identityMap.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  /** `--assistant` wins; otherwise the first candidate that maps to an assistant. */
  attribute(...candidates: (string | undefined)[]): string | undefined {
    if (this.assistant !== undefined) return this.assistant;
    for (const c of candidates) if (c !== undefined) return c;
    return undefined;
  }

  /**
   * Adds an event: sets `id` and `source`, validates it (SPEC §3). A later event with the same type
   * and externalId replaces the earlier one, as the store would. Returns false (and lists a skip)
   * when the core validator rejects it. `unique` says the converter already guarantees distinct
   * externalIds (million-row files then need no lookup table).
   */
  emit(draft: DraftEvent | PlacedDraft, where: Omit<SkippedRecord, 'reason'> = {}, unique = false): boolean {
    let candidate: Record<string, unknown>;
    if ('id' in draft && 'source' in draft) {
      // Built with `place` already: validated in place, no copy (the hot path of large imports).
      candidate = draft as Record<string, unknown>;
    } else {
      // Key order: type, id, source first, so NDJSON lines read well.
      candidate = { type: draft.type, id: eventIdOf(this.source, draft.externalId), source: this.source };
      Object.assign(candidate, draft);
    }
    const v = validateEvent(candidate);
    if (!v.ok) {
      this.skip({ ...where, externalId: draft.externalId, reason: `${v.error.field}: ${v.error.reason}` });
      return false;
    }
    if (unique) {
      this.events.push(v.value);
      return true;
    }
    const key = `${v.value.type}\u0000${draft.externalId}`;
    const at = this.keyIndex.get(key);
    if (at !== undefined) {
      this.events[at] = v.value;
      this.note(
        'a record appeared more than once; the last one was kept',
        `${v.value.type} ${draft.externalId}`,
      );
    } else {
      this.keyIndex.set(key, this.events.length);
      this.events.push(v.value);
    }
    return true;
  }

  /** The leading fields of an event a converter builds itself (`type`, `id`, `source`, `externalId`). */
  place<T extends string>(
    type: T,
    externalId: string,
  ): { type: T; id: string; source: string; externalId: string } {
    return { type, id: eventIdOf(this.source, externalId), source: this.source, externalId };
  }

  skip(record: SkippedRecord): void {
    this.skippedTotal++;
    if (this.skipped.length < MAX_LISTED_SKIPS) this.skipped.push(record);
  }

  /** A choice the file could not tell was taken from a default (SPEC §10). */
  useDefault(text: string): void {
    this.defaults.add(text);
  }

  /**
   * A derivation worth knowing; identical texts are counted, with up to five distinct examples
   * (an example that comes again is counted, not repeated).
   */
  note(text: string, example?: string): void {
    let n = this.notes.get(text);
    if (!n) {
      n = { count: 0, examples: new Map() };
      this.notes.set(text, n);
    }
    n.count++;
    if (example === undefined) return;
    const seen = n.examples.get(example);
    if (seen !== undefined) n.examples.set(example, seen + 1);
    else if (n.examples.size < 5) n.examples.set(example, 1);
  }

  finish(): ConvertResult {
    const counts: Partial<Record<EventType, number>> = {};
    for (const e of this.events) counts[e.type] = (counts[e.type] ?? 0) + 1;
    const identities = [...this.seen.values()].sort((a, b) =>
      a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1,
    );
    const notes = [...this.notes.entries()].map(([text, n]) => {
      const entries = [...n.examples];
      const only = entries.length === 1 ? entries[0] : undefined;
      // One example that is every occurrence: named once, with the count.
      if (only && only[1] === n.count)
        return n.count === 1 ? `${text}: ${only[0]}` : `${text} (${n.count}×): ${only[0]}`;
      if (n.count === 1) return text;
      const examples = entries.map(([e, c]) => (c > 1 ? `${e} (${c}×)` : e));
      let listed = 0;
      for (const c of n.examples.values()) listed += c;
      const more = n.count > listed ? ', …' : '';
      return `${text} (${n.count}×${examples.length > 0 ? `: ${examples.join('; ')}${more}` : ''})`;
    });
    return {
      events: this.events,
      report: {
        format: this.format,
        counts,
        events: this.events.length,
        skipped: this.skipped,
        skippedTotal: this.skippedTotal,
        identities,
        unmappedIdentities: identities.filter((i) => i.assistant === undefined),
        defaultsUsed: [...this.defaults],
        notes,
      },
    };
  }
}

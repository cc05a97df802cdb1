/**
 * The state one conversion writes into: attribution through the connection's identities map (the
 * importers' format, SPEC §10), events validated by the core validator with ids derived as the
 * importers derive them (SPEC §3), and the unmapped identities and skipped records it reports.
 */
import type { TandemEvent } from '#core/events/event-types';
import { validateEvent } from '#core/events/validate-event';
import { eventIdOf } from '#core/sources/event-id';
import { identityKey } from '#core/sources/identity-key';
import { formatInZone } from '#core/time/format-in-zone';
import { parseInstant } from '#core/time/instant';
import { isValidTimeZone } from '#core/time/zone-offset';
import type {
  ConvertOutcome,
  IdentityKind,
  SkippedRecord,
  UnmappedIdentity,
  WebhookItem,
} from './webhook-items.ts';

export interface WebhookConvertInit {
  /**
   * The connection's identities map compiled as the importers compile it
   * (`compileIdentityMap` in src/importers/identity-map.ts): keys `<kind>:<external id>`, e-mail
   * addresses lower-cased; values assistant ids.
   */
  identities: ReadonlyMap<string, string>;
  /** Attribute everything to this assistant (a connection made for one assistant). */
  assistant?: string;
  /** The zone instants are written in; UTC when absent. The instants are the same either way. */
  timezone?: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a converter builds it: the context sets `id` and `source`. */
export type DraftEvent = DistributiveOmit<TandemEvent, 'id' | 'source' | 'externalId'> & {
  externalId: string;
};

export class WebhookContext {
  readonly source: string;
  readonly zone: string;
  private readonly identities: ReadonlyMap<string, string>;
  private readonly assistant: string | undefined;
  readonly items: WebhookItem[] = [];
  private readonly unmapped = new Map<string, UnmappedIdentity>();
  private readonly skipped: SkippedRecord[] = [];

  constructor(source: string, init: WebhookConvertInit) {
    this.source = source;
    this.zone = init.timezone !== undefined && isValidTimeZone(init.timezone) ? init.timezone : 'UTC';
    this.identities = init.identities;
    this.assistant = init.assistant;
  }

  /** The assistant an external identity maps to; an unmapped one is recorded for the report. */
  identity(kind: IdentityKind, id: string, name?: string): string | undefined {
    const key = identityKey(kind, id);
    const mapped = this.identities.get(key);
    if (mapped !== undefined) return this.assistant ?? mapped;
    if (this.assistant !== undefined) return this.assistant;
    if (!this.unmapped.has(key)) this.unmapped.set(key, { kind, id, ...(name ? { name } : {}) });
    return undefined;
  }

  /** The assistant an identity maps to, without reporting it when unmapped. */
  mapped(kind: IdentityKind, id: string): string | undefined {
    const m = this.identities.get(identityKey(kind, id));
    return m === undefined ? undefined : (this.assistant ?? m);
  }

  idOf(externalId: string): string {
    return eventIdOf(this.source, externalId);
  }

  /** A provider timestamp as an instant text in the connection's zone, or undefined if unreadable. */
  instant(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const ms = parseInstant(text);
    return Number.isNaN(ms) ? undefined : formatInZone(ms, this.zone);
  }

  at(ms: number): string {
    return formatInZone(ms, this.zone);
  }

  /** A complete event, validated by the core validator (SPEC §3); an invalid one is skipped. */
  event(draft: DraftEvent): TandemEvent | undefined {
    const candidate: Record<string, unknown> = {
      type: draft.type,
      id: this.idOf(draft.externalId),
      source: this.source,
    };
    Object.assign(candidate, draft);
    const v = validateEvent(candidate);
    if (!v.ok) {
      this.skip({ externalId: draft.externalId, reason: `${v.error.field}: ${v.error.reason}` });
      return undefined;
    }
    return v.value;
  }

  push(item: WebhookItem): void {
    this.items.push(item);
  }

  skip(record: SkippedRecord): void {
    this.skipped.push(record);
  }

  finish(): ConvertOutcome {
    return {
      ok: true,
      value: { items: this.items, unmapped: [...this.unmapped.values()], skipped: this.skipped },
    };
  }
}

/** A typed payload error (the route has already answered; the service logs and drops it). */
export function invalidPayload(message: string, field?: string): ConvertOutcome {
  return { ok: false, error: { code: 'invalid_payload', message, ...(field ? { field } : {}) } };
}

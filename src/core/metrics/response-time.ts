/**
 * response_time — working minutes from receivedAt to firstResponseAt (SPEC §4), by the assistant's
 * schedule (§2). A response after asOf has not happened: the request is unanswered.
 */
import { percentileCont } from '../stats/percentile-cont.ts';
import { bucketAcc, type MetricContext } from './metric-context.ts';
import type { RequestRow } from './prepared-event.ts';

export type ResponseTimeResult = {
  value: number | null;
  median: number | null;
  p90: number | null;
  answered: number;
  unanswered: number;
};

export interface RequestClassification {
  bucket: string;
  /** Working minutes to the first response, or null while unanswered. */
  minutes: number | null;
}

/** Where a request counts and its working minutes, as of ctx.asOf. */
export function classifyRequest(r: RequestRow, ctx: MetricContext): RequestClassification | null {
  if (!(r.receivedMs <= ctx.asOf)) return null;
  const bucket = ctx.time.bucketOf(r.receivedMs, ctx.period);
  const answered = r.respondedMs <= ctx.asOf;
  return { bucket, minutes: answered ? ctx.working.minutesBetween(r.receivedMs, r.respondedMs) : null };
}

/** response_time per bucket: mean, median and p90 over answered requests. */
export function responseTime(
  rows: readonly RequestRow[],
  ctx: MetricContext,
): Map<string, ResponseTimeResult> {
  const acc = new Map<string, { minutes: number[]; unanswered: number }>();
  for (const r of rows) {
    const c = classifyRequest(r, ctx);
    if (c === null) continue;
    const a = bucketAcc(acc, c.bucket, () => ({ minutes: [], unanswered: 0 }));
    if (c.minutes === null) a.unanswered++;
    else a.minutes.push(c.minutes);
  }
  const out = new Map<string, ResponseTimeResult>();
  for (const [b, { minutes, unanswered }] of acc) {
    minutes.sort((x, y) => x - y);
    let sum = 0;
    for (const m of minutes) sum += m;
    out.set(b, {
      value: minutes.length === 0 ? null : sum / minutes.length,
      median: percentileCont(minutes, 0.5),
      p90: percentileCont(minutes, 0.9),
      answered: minutes.length,
      unanswered,
    });
  }
  return out;
}

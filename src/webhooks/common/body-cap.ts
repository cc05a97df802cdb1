/**
 * The largest webhook body accepted (issue 9 §2: "Body size capped (413) before hashing"). Real
 * deliveries are far smaller: a Slack event or a Toggl time entry is a few KiB, an Asana batch or a
 * Trello action with its board model some tens of KiB. The route should refuse a longer
 * `Content-Length` before reading, and stop reading a chunked body once it passes this cap.
 */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** True when a body of `length` bytes must be refused with 413. */
export function exceedsBodyCap(length: number): boolean {
  return !(length >= 0 && length <= WEBHOOK_MAX_BODY_BYTES);
}

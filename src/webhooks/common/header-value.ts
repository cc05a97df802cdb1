/**
 * Reads one request header for a verifier. Routes pass the Fetch `Headers` of the request (Hono's
 * `c.req.raw.headers`) or a plain record (Node's `IncomingHttpHeaders`). A header sent twice
 * arrives joined by commas (`Headers.get`) or as an array: either way it is not one value, and the
 * verifiers reject it as malformed rather than guess which copy to trust.
 */

export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ((name: string) => string | null | undefined);

export type HeaderRead = { kind: 'missing' } | { kind: 'repeated' } | { kind: 'value'; value: string };

function lookup(headers: WebhookHeaders, name: string): string | readonly string[] | null | undefined {
  if (typeof headers === 'function') return headers(name);
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name);
  const rec = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const wanted = name.toLowerCase();
  for (const key of Object.keys(rec)) if (key.toLowerCase() === wanted) return rec[key];
  return undefined;
}

/**
 * The single value of header `name`, with surrounding spaces removed (HTTP's optional white
 * space). `repeated` when it came more than once or holds a comma, `missing` when absent or empty.
 */
export function readHeader(
  headers: WebhookHeaders,
  name: string,
  options: { commaIsData?: boolean } = {},
): HeaderRead {
  const raw = lookup(headers, name);
  if (raw === undefined || raw === null) return { kind: 'missing' };
  if (typeof raw !== 'string') {
    if (raw.length === 0) return { kind: 'missing' };
    if (raw.length > 1) return { kind: 'repeated' };
    return readHeader(() => raw[0], name, options);
  }
  const value = raw.trim();
  if (value.length === 0) return { kind: 'missing' };
  // Standard Webhooks writes `v1,<sig>`: there the caller checks each entry's shape instead.
  if (value.includes(',') && options.commaIsData !== true) return { kind: 'repeated' };
  return { kind: 'value', value };
}

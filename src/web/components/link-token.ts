/**
 * The single-use token of a setup, invitation or password link. Tandem puts it in the address
 * fragment (`/invite#token=…`), which browsers never send to a server or a log; `?token=` is
 * accepted too.
 */
export function linkToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) return fromHash;
  return new URLSearchParams(window.location.search).get('token');
}

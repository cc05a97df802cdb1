/**
 * The only reader of `process.env` (CONVENTIONS §6). Everything else receives these values as
 * arguments, so tests and commands can pass their own.
 */

export interface Env {
  PORT: number | undefined;
  /** A PostgreSQL URL; when set, the server uses it instead of the embedded store. */
  DATABASE_URL: string | undefined;
  /**
   * The address used in links Tandem prints or sends (SPEC §13). Unset, it is
   * `http://localhost:<PORT or 3000>`; `serve` uses the port it actually bound (`publicUrlFor`).
   */
  TANDEM_PUBLIC_URL: string;
  /** Whether TANDEM_PUBLIC_URL was given (a given address wins over any port). */
  TANDEM_PUBLIC_URL_SET: boolean;
  /** The embedded store's directory when `--data` is not given. */
  TANDEM_DATA_DIR: string | undefined;
  /** A PostgreSQL URL the test suite may create databases in. */
  TANDEM_TEST_DATABASE_URL: string | undefined;
  /** Address(es) of a reverse proxy whose X-Forwarded-For is trusted (comma-separated). */
  TANDEM_TRUSTED_PROXY: string[];
  LOG_LEVEL: string;
  SMTP_URL: string | undefined;
  SMTP_FROM: string | undefined;
  /** The sender of notification e-mails (issue 8 item 8); SMTP_FROM is read when it is unset. */
  MAIL_FROM: string | undefined;
  /** `off`: `tandem serve` starts no job worker (another instance runs it, or a test does). */
  TANDEM_WORKER: 'on' | 'off';
}

type Source = Readonly<Record<string, string | undefined>>;

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function localUrl(port: number): string {
  return `http://localhost:${port}`;
}

/**
 * The public URL of a server bound to `port`: TANDEM_PUBLIC_URL when given, else
 * `http://localhost:<port>` — so the printed setup link opens this server and the CSRF origin
 * check (pinned to the public URL) accepts its forms, whatever port it runs on.
 */
export function publicUrlFor(env: Env, port: number): string {
  return env.TANDEM_PUBLIC_URL_SET ? env.TANDEM_PUBLIC_URL : localUrl(port);
}

/** Reads the environment (default: `process.env`) into typed settings. */
export function readEnv(source: Source = process.env): Env {
  const port = nonEmpty(source.PORT);
  const parsedPort = port === undefined ? undefined : Number.parseInt(port, 10);
  const validPort = parsedPort !== undefined && Number.isInteger(parsedPort) ? parsedPort : undefined;
  const publicUrl = nonEmpty(source.TANDEM_PUBLIC_URL);
  return {
    PORT: validPort,
    DATABASE_URL: nonEmpty(source.DATABASE_URL),
    TANDEM_PUBLIC_URL: (publicUrl ?? localUrl(validPort ?? 3000)).replace(/\/+$/, ''),
    TANDEM_PUBLIC_URL_SET: publicUrl !== undefined,
    TANDEM_DATA_DIR: nonEmpty(source.TANDEM_DATA_DIR),
    TANDEM_TEST_DATABASE_URL: nonEmpty(source.TANDEM_TEST_DATABASE_URL),
    TANDEM_TRUSTED_PROXY: (nonEmpty(source.TANDEM_TRUSTED_PROXY) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    LOG_LEVEL: nonEmpty(source.LOG_LEVEL) ?? 'info',
    SMTP_URL: nonEmpty(source.SMTP_URL),
    SMTP_FROM: nonEmpty(source.SMTP_FROM),
    MAIL_FROM: nonEmpty(source.MAIL_FROM) ?? nonEmpty(source.SMTP_FROM),
    TANDEM_WORKER: nonEmpty(source.TANDEM_WORKER)?.toLowerCase() === 'off' ? 'off' : 'on',
  };
}

/** The raw variables, for code that hands the environment on as a value (the CLI's `io.env`). */
export function processEnv(): Source {
  return process.env;
}

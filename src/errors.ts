/**
 * Expected failures carry a stable code; one table maps codes to HTTP statuses (CONVENTIONS §5).
 * Nothing inspects error message text.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_filter: 400,
  invalid_token: 400,
  invalid_webhook_url: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  /** A webhook whose signature (or Asana handshake) does not verify (issue 9 §2). */
  invalid_signature: 401,
  forbidden: 403,
  pulse_self_only: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  kpi_limit_reached: 409,
  baseline_in_progress: 409,
  locked: 409,
  review_locked: 409,
  survey_answered: 409,
  quarterly_review_applied: 409,
  workspace_not_empty: 409,
  account_in_other_workspaces: 409,
  survey_expired: 410,
  /** A webhook connection removed, or whose creator left the workspace (issue 9 §4). */
  connection_revoked: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  unknown_assistant: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

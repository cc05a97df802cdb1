/**
 * Request and response schemas of the HTTP API (CONVENTIONS §3: a schema and its type travel
 * together). Request objects are strict — an unknown field is a 400, never silently stored.
 * The server builds its OpenAPI document from these; the web client imports the types.
 */
import { z } from 'zod';
import { EVENT_TYPES } from '#core/events/event-types';
import { WorkspaceSettings, WorkspaceSettingsPatch } from './workspace-settings-schema.ts';

const ROLES = ['owner', 'manager', 'assistant', 'coach', 'viewer'] as const;
const PROVIDERS = ['email', 'slack', 'trello', 'asana', 'toggl', 'clockify', 'jira'] as const;
/** SPEC §3 event types: the engine's list. */
export const EVENT_TYPE_VALUES = EVENT_TYPES;

const id = z.string().min(1).max(512);
const text = (max = 200) => z.string().trim().min(1).max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD');
const interval = z.tuple([z.string(), z.string()]).describe('A local interval ["HH:MM","HH:MM"]');
const schedule = z
  .partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(interval))
  .describe('Per weekday, local working intervals (SPEC §2)');

export const Role = z.enum(ROLES).describe('SPEC §1 role');
export type Role = z.infer<typeof Role>;
export const IdentityProvider = z.enum(PROVIDERS);
export const EventTypeParam = z.enum(EVENT_TYPE_VALUES).describe('A SPEC §3 event type');

export const ErrorResponse = z
  .object({
    error: z
      .object({
        code: z.string().describe('Stable error code'),
        message: z.string(),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const OkResponse = z.object({ ok: z.literal(true) });

// Auth
export const SignInBody = z.strictObject({ email: z.string().max(320), password: z.string().max(1024) });
export const SessionResponse = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
    csrfToken: z.string().describe('Send as X-CSRF-Token on every cookie-authenticated change'),
    workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: Role })),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof SessionResponse>;
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});
export const PasswordResetBody = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});
/** First run (SPEC §13): the one-time setup link's token creates the first workspace and owner. */
export const SetupBody = z.strictObject({
  token: z.string().min(1).max(200),
  workspace: z.string().max(200),
  email: z.string().max(320),
  password: z.string().max(1024),
});
export const SetupResponse = z
  .object({
    workspace: z.string(),
    csrfToken: z.string().describe('Send as X-CSRF-Token on every cookie-authenticated change'),
  })
  .meta({ id: 'SetupDone' });

// Workspaces
export const Workspace = z
  .object({
    id: z.string(),
    name: z.string(),
    settings: WorkspaceSettings,
    createdAt: z.string(),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;
export const WorkspaceWithRole = Workspace.extend({ role: Role });
export const CreateWorkspaceBody = z.strictObject({ name: text() });
export const UpdateWorkspaceBody = z.strictObject({
  name: text().optional(),
  settings: WorkspaceSettingsPatch.optional(),
});
export const DeleteWorkspaceBody = z.strictObject({
  confirm: z.string().describe('The workspace name, typed again'),
});
export const RestoreResponse = z.object({ workspace: z.string(), events: z.number(), members: z.number() });

// Members and invitations
export const Member = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: Role,
    assistantId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;
export const UpdateMemberBody = z.strictObject({
  role: Role.optional(),
  assistantId: id.nullable().optional(),
});
export const PasswordLinkResponse = z.object({ url: z.string().describe('Single-use; shown once') });
export const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    assistantId: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;
export const CreateInvitationBody = z.strictObject({
  email: z.email().max(320),
  role: Role,
  assistantId: id.optional().describe('Required for the assistant role: which assistant this person is'),
});
export const CreatedInvitation = z.object({ invitation: Invitation, url: z.string().describe('Shown once') });

// Clients
export const Client = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'Client' });
export type Client = z.infer<typeof Client>;
export const PutClientBody = z.strictObject({ name: text() });

// Assistants
export const Assistant = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    timezone: z.string(),
    schedule: schedule.nullable(),
    daysOff: z.array(z.string()),
    exceptions: z.record(z.string(), z.array(interval)),
    history: z.array(
      z.object({ from: z.string(), timezone: z.string().optional(), schedule: schedule.optional() }),
    ),
    role: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Assistant' });
export type Assistant = z.infer<typeof Assistant>;
export const CreateAssistantBody = z.strictObject({
  id,
  name: text().optional(),
  timezone: z.string().describe('IANA time zone'),
  schedule: schedule.optional(),
  daysOff: z.array(localDate).optional(),
  exceptions: z.record(z.string(), z.array(interval)).optional(),
  history: z
    .array(
      z.strictObject({ from: localDate, timezone: z.string().optional(), schedule: schedule.optional() }),
    )
    .optional(),
  role: text().optional(),
});
export const UpdateAssistantBody = z.strictObject({
  name: text().nullable().optional(),
  daysOff: z.array(localDate).optional(),
  exceptions: z.record(z.string(), z.array(interval)).optional(),
  role: text().nullable().optional(),
  change: z
    .strictObject({ from: localDate, timezone: z.string().optional(), schedule: schedule.optional() })
    .optional()
    .describe(
      'A zone and/or schedule change from a local date on; earlier weeks are not rewritten (SPEC §2)',
    ),
});
export const EraseAssistantBody = z.strictObject({
  confirm: z.string().describe('The assistant id, typed again'),
});

// Assignments and identities
export const Assignment = z
  .object({ assistantId: z.string(), userId: z.string(), role: z.string(), createdAt: z.string() })
  .meta({ id: 'Assignment' });
export type Assignment = z.infer<typeof Assignment>;
export const CreateAssignmentBody = z.strictObject({ assistantId: id, userId: id });
export const Identity = z
  .object({
    provider: IdentityProvider,
    externalId: z.string(),
    assistantId: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Identity' });
export type Identity = z.infer<typeof Identity>;
export const PutIdentityBody = z.strictObject({ assistantId: id });

// Events
export const EventBody = z
  .record(z.string(), z.unknown())
  .describe('A SPEC §3 event object with its `type`; unknown fields are rejected')
  .meta({ id: 'Event' });
export const EventItem = z.object({ event: z.record(z.string(), z.unknown()), updatedAt: z.string() });
export const EventPage = z.object({
  items: z.array(EventItem),
  next: z.string().nullable().describe('Pass as `cursor` for the next page'),
});
export type EventPage = z.infer<typeof EventPage>;
export const ExclusionBody = z.strictObject({ reason: text(2000).describe('Why no metric should count it') });
export const IngestResponse = z
  .object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .meta({ id: 'IngestResult' });
export type IngestResponse = z.infer<typeof IngestResponse>;

// Metrics
export const MetricRecord = z
  .object({ assistant: z.string(), metric: z.string(), period: z.string(), value: z.number().nullable() })
  .catchall(z.union([z.string(), z.number(), z.null()]))
  .meta({ id: 'MetricRecord' });
export const MetricsResponse = z.array(MetricRecord);

// Audit and tokens
export const AuditEntry = z
  .object({
    seq: z.number(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    at: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ entries: z.array(AuditEntry), next: z.string().nullable() });
export const ApiToken = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateTokenBody = z.strictObject({ name: text() });
export const CreatedToken = z.object({ token: z.string().describe('Shown once'), info: ApiToken });

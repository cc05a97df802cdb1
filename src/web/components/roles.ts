/** The SPEC §1 roles in words. */
import type { Role } from '#shared/api-schemas';

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  assistant: 'Assistant',
  coach: 'Coach',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything in the workspace',
  manager: 'The assistants assigned to them: data, KPIs, reviews',
  assistant: 'Everything about themselves; logs their own data',
  coach: 'Reads and comments on assigned assistants',
  viewer: 'Dashboards and reports, read only',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

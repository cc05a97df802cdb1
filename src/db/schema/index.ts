/** The whole schema, one pg-core definition for PGlite and PostgreSQL alike. */
export * from './assistants.ts';
export * from './audit.ts';
export * from './development.ts';
export * from './events.ts';
export * from './imports.ts';
export * from './kpis.ts';
export * from './members.ts';
export * from './notifications.ts';
export * from './outbound-webhooks.ts';
export * from './quality.ts';
export * from './quarterly-reviews.ts';
export * from './reviews.ts';
export * from './surveys.ts';
export * from './users.ts';
export * from './webhooks.ts';
export * from './workspaces.ts';

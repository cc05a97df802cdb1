DROP INDEX "events_at_idx";--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;
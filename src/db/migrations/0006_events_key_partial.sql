DROP INDEX "events_key_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "events_key_uq" ON "events" USING btree ("workspace_id","type","key") WHERE "events"."external_id" is not null;
CREATE TABLE "webhook_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	"secret" text,
	"api_token" text,
	"pending_until" timestamp with time zone,
	"callback_url" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"identities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assistant_id" text,
	"timezone" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_delivery_at" timestamp with time zone,
	CONSTRAINT "webhook_connections_status_check" CHECK ("webhook_connections"."status" in ('pending', 'active', 'revoked'))
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"provider" text NOT NULL,
	"delivery_key" text NOT NULL,
	"batch_key" text NOT NULL,
	"body" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"error_code" text,
	"error_message" text,
	"events" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('queued', 'processed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "webhook_connections" ADD CONSTRAINT "webhook_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_connections_ws_idx" ON "webhook_connections" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_key_uq" ON "webhook_deliveries" USING btree ("workspace_id","provider","delivery_key");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_connection_idx" ON "webhook_deliveries" USING btree ("connection_id","received_at");
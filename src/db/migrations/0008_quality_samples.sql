CREATE TABLE "quality_draws" (
	"workspace_id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"week" text NOT NULL,
	"candidates" integer NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_draws_workspace_id_assistant_id_week_pk" PRIMARY KEY("workspace_id","assistant_id","week")
);
--> statement-breakpoint
CREATE TABLE "quality_samples" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"week" text NOT NULL,
	"task_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"rating_id" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_samples_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "quality_samples_status_check" CHECK ("quality_samples"."status" in ('pending', 'rated', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "quality_draws" ADD CONSTRAINT "quality_draws_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_samples" ADD CONSTRAINT "quality_samples_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_samples_task_uq" ON "quality_samples" USING btree ("workspace_id","assistant_id","week","task_id");--> statement-breakpoint
CREATE INDEX "quality_samples_week_idx" ON "quality_samples" USING btree ("workspace_id","assistant_id","week");
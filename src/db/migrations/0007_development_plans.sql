CREATE TABLE "development_items" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"plan_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" text NOT NULL,
	"due_date" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "development_items_kind_check" CHECK ("development_items"."kind" in ('workshop', 'course', 'mentoring', 'practice_task')),
	CONSTRAINT "development_items_status_check" CHECK ("development_items"."status" in ('planned', 'in_progress', 'done')),
	CONSTRAINT "development_items_done_check" CHECK (("development_items"."status" = 'done') = ("development_items"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"title" text NOT NULL,
	"kpi_id" text,
	"criterion" text,
	"started_on" text NOT NULL,
	"start_week" text,
	"start_value" double precision,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "development_plans_status_check" CHECK ("development_plans"."status" in ('active', 'completed', 'cancelled')),
	CONSTRAINT "development_plans_subject_check" CHECK ("development_plans"."kpi_id" is null or "development_plans"."criterion" is null)
);
--> statement-breakpoint
ALTER TABLE "development_items" ADD CONSTRAINT "development_items_workspace_id_plan_id_development_plans_workspace_id_id_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."development_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_items_plan_idx" ON "development_items" USING btree ("workspace_id","plan_id");--> statement-breakpoint
CREATE INDEX "development_plans_assistant_idx" ON "development_plans" USING btree ("workspace_id","assistant_id");
CREATE TABLE "kpi_targets" (
	"workspace_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"effective_from" text NOT NULL,
	"value" double precision NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" text NOT NULL,
	CONSTRAINT "kpi_targets_workspace_id_kpi_id_effective_from_pk" PRIMARY KEY("workspace_id","kpi_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"filter" jsonb,
	"direction" text NOT NULL,
	"period" text,
	"scale" text,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"agreed_by_manager_at" timestamp with time zone,
	"agreed_by_assistant_at" timestamp with time zone,
	"agreed_at" timestamp with time zone,
	"started_on" text,
	"retired_at" timestamp with time zone,
	"replaced_by" text,
	"replaces" text,
	"process_changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpis_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kpis_status_check" CHECK ("kpis"."status" in ('proposed', 'active', 'retired', 'replaced')),
	CONSTRAINT "kpis_direction_check" CHECK ("kpis"."direction" in ('higher', 'lower')),
	CONSTRAINT "kpis_active_agreed_check" CHECK ("kpis"."status" <> 'active' or ("kpis"."agreed_by_manager_at" is not null and "kpis"."agreed_by_assistant_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_workspace_id_kpi_id_kpis_workspace_id_id_fk" FOREIGN KEY ("workspace_id","kpi_id") REFERENCES "public"."kpis"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpis_assistant_idx" ON "kpis" USING btree ("workspace_id","assistant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpis_one_active_replacement" ON "kpis" USING btree ("workspace_id","replaces") WHERE "kpis"."status" = 'active' and "kpis"."replaces" is not null;
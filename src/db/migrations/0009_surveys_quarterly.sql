CREATE TABLE "quarterly_decisions" (
	"workspace_id" text NOT NULL,
	"review_id" text NOT NULL,
	"position" integer NOT NULL,
	"decision" text NOT NULL,
	"kpi_id" text,
	"reason" text NOT NULL,
	"target" double precision,
	"terms" jsonb,
	"result_kpi_id" text,
	CONSTRAINT "quarterly_decisions_workspace_id_review_id_position_pk" PRIMARY KEY("workspace_id","review_id","position"),
	CONSTRAINT "quarterly_decisions_decision_check" CHECK ("quarterly_decisions"."decision" in ('keep', 'adjust_target', 'replace', 'retire', 'add')),
	CONSTRAINT "quarterly_decisions_reason_check" CHECK (length(btrim("quarterly_decisions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "quarterly_reviews" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"quarter" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" text,
	CONSTRAINT "quarterly_reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_requests" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"client" text,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"event_id" text,
	CONSTRAINT "survey_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "survey_requests_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "survey_requests_answer_check" CHECK (("survey_requests"."answered_at" is null) = ("survey_requests"."event_id" is null))
);
--> statement-breakpoint
ALTER TABLE "quarterly_decisions" ADD CONSTRAINT "quarterly_decisions_workspace_id_review_id_quarterly_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."quarterly_reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reviews" ADD CONSTRAINT "quarterly_reviews_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_requests" ADD CONSTRAINT "survey_requests_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_reviews_assistant_quarter_uq" ON "quarterly_reviews" USING btree ("workspace_id","assistant_id","quarter");--> statement-breakpoint
CREATE INDEX "survey_requests_assistant_idx" ON "survey_requests" USING btree ("workspace_id","assistant_id","created_at");
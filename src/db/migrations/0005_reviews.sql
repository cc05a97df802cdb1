CREATE TABLE "action_items" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"checkin_id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"text" text NOT NULL,
	"owner_user_id" text NOT NULL,
	"due_date" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"done_on" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "action_items_done_check" CHECK ("action_items"."done" = ("action_items"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"date" text NOT NULL,
	"manager_notes" text DEFAULT '' NOT NULL,
	"assistant_notes" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_entries" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"review_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"author_user_id" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "review_entries_kind_check" CHECK ("review_entries"."kind" in ('comment', 'amendment')),
	CONSTRAINT "review_entries_side_check" CHECK ("review_entries"."side" in ('manager', 'assistant', 'coach'))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"month" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"manager_signed_at" timestamp with time zone,
	"manager_signed_by" text,
	"assistant_signed_at" timestamp with time zone,
	"assistant_signed_by" text,
	"locked_at" timestamp with time zone,
	"agenda" jsonb,
	CONSTRAINT "reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "reviews_locked_check" CHECK ("reviews"."locked_at" is null or ("reviews"."manager_signed_at" is not null and "reviews"."assistant_signed_at" is not null and "reviews"."agenda" is not null))
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_workspace_id_checkin_id_checkins_workspace_id_id_fk" FOREIGN KEY ("workspace_id","checkin_id") REFERENCES "public"."checkins"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_entries" ADD CONSTRAINT "review_entries_workspace_id_review_id_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_workspace_id_assistant_id_assistants_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assistant_id") REFERENCES "public"."assistants"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_assistant_idx" ON "action_items" USING btree ("workspace_id","assistant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_assistant_date_uq" ON "checkins" USING btree ("workspace_id","assistant_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "review_entries_position_uq" ON "review_entries" USING btree ("workspace_id","review_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_assistant_month_uq" ON "reviews" USING btree ("workspace_id","assistant_id","month");
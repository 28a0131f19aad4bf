CREATE TABLE "connector_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"connector" text NOT NULL,
	"operation" text NOT NULL,
	"call_key" text,
	"case_id" text,
	"job_id" bigint,
	"outcome" text NOT NULL,
	"error_code" text,
	"error_text" text,
	"duration_ms" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connector_lookups" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"operation" text NOT NULL,
	"input" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "connector" text;--> statement-breakpoint
ALTER TABLE "connector_lookups" ADD CONSTRAINT "connector_lookups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_calls_recent_idx" ON "connector_calls" USING btree ("connector","at");--> statement-breakpoint
CREATE INDEX "connector_lookups_created_idx" ON "connector_lookups" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "jobs_connector_idx" ON "jobs" USING btree ("connector") WHERE connector IS NOT NULL AND done_at IS NULL;
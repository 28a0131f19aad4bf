CREATE TABLE "idempotency_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "audit_chain" ALTER COLUMN "pos" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_hidden_until" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "stages_reached" text[] DEFAULT '{}'::text[] NOT NULL;
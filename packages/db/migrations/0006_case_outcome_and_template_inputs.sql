ALTER TABLE "cases" ADD COLUMN "outcome_id" text;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD COLUMN "inputs" jsonb DEFAULT '[]'::jsonb NOT NULL;
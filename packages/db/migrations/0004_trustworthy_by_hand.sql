-- The chain's position is the previous link's + 1, given by the sealer under its lock: no sequence,
-- so a rolled-back or crashed sealing round leaves no gap. Verification follows the links.
ALTER TABLE "audit_chain" ALTER COLUMN "pos" DROP DEFAULT;
--> statement-breakpoint
DROP SEQUENCE IF EXISTS "audit_chain_pos_seq";
--> statement-breakpoint
-- A hold names a case or a person, never neither.
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_target_ck" CHECK ((case_id IS NULL) <> (person_id IS NULL));
--> statement-breakpoint
-- The submitter an anonymised case is left with: nobody. It cannot log in (no e-mail, no subject, not a demo user).
INSERT INTO "users" ("id", "display_name") VALUES ('system-anonymised', 'Anonymiseret') ON CONFLICT ("id") DO NOTHING;

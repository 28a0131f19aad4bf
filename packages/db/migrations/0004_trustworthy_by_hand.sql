-- The chain's position is the previous link's + 1, given by the sealer under its lock: no sequence,
-- so a rolled-back or crashed sealing round leaves no gap. Verification follows the links.
ALTER TABLE "audit_chain" ALTER COLUMN "pos" DROP DEFAULT;
--> statement-breakpoint
DROP SEQUENCE IF EXISTS "audit_chain_pos_seq";

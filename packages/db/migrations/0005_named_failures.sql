-- A failure raised inside a statement carries its own SQLSTATE and its reason as the constraint
-- name, so the code recognises it by those fields instead of by the message text.
CREATE OR REPLACE FUNCTION indgang_fail(reason text) RETURNS int AS $$
BEGIN
  RAISE EXCEPTION 'indgang:%', reason USING ERRCODE = 'IG001', CONSTRAINT = reason;
END;
$$ LANGUAGE plpgsql;

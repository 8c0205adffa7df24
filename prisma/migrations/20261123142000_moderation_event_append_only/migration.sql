-- The audit log is append-only: no UPDATE, no DELETE, whoever asks (the application, a script,
-- an administrator with SQL access). The only change tolerated is the one PostgreSQL itself
-- makes when a contribution is erased (ON DELETE SET NULL on "contributionId"): the event stays,
-- with everything else identical.
CREATE OR REPLACE FUNCTION moderation_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."contributionId" IS NOT NULL AND NEW."contributionId" IS NULL
     AND NEW."id" = OLD."id"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."targetId" IS NOT DISTINCT FROM OLD."targetId"
     AND NEW."action" = OLD."action"
     AND NEW."fromStatus" IS NOT DISTINCT FROM OLD."fromStatus"
     AND NEW."toStatus" IS NOT DISTINCT FROM OLD."toStatus"
     AND NEW."reason" IS NOT DISTINCT FROM OLD."reason"
     AND NEW."note" IS NOT DISTINCT FROM OLD."note"
     AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ModerationEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ModerationEvent_append_only"
  BEFORE UPDATE OR DELETE ON "ModerationEvent"
  FOR EACH ROW EXECUTE FUNCTION moderation_event_append_only();

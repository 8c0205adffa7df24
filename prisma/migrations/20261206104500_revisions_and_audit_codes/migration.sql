-- 1. Earlier versions of a contribution's text, so that moderators see what its author changed
--    (a diff on the review page). Written by a trigger: whoever edits the row (the private link,
--    a script), the previous text is kept. When retention erases a withdrawn text (body and
--    pseudonym set to ''), its earlier versions are erased with it.
-- 2. Audit notes as a code and parameters (rendered in each moderator's language); "note" stays
--    for what a moderator typed and for older rows.

-- CreateTable
CREATE TABLE "ContributionRevision" (
    "id" BIGSERIAL NOT NULL,
    "contributionId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContributionRevision_contributionId_id_idx" ON "ContributionRevision"("contributionId", "id");

-- AddForeignKey
ALTER TABLE "ContributionRevision" ADD CONSTRAINT "ContributionRevision_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "ModerationEvent" ADD COLUMN "noteCode" TEXT,
ADD COLUMN "noteParams" JSONB;

CREATE FUNCTION jsi_contribution_revision() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.body = '' AND NEW.pseudonym = '' THEN
    DELETE FROM "ContributionRevision" WHERE "contributionId" = OLD.id;
  ELSE
    INSERT INTO "ContributionRevision" ("contributionId", version, pseudonym, body, language, "writtenAt")
    VALUES (OLD.id, OLD.version, OLD.pseudonym, OLD.body, OLD.language, COALESCE(OLD."editedAt", OLD."createdAt"));
  END IF;
  RETURN NULL;
END;
$fn$;

CREATE TRIGGER "Contribution_revision"
  AFTER UPDATE OF body, pseudonym, language ON "Contribution"
  FOR EACH ROW
  WHEN (OLD.body IS DISTINCT FROM NEW.body OR OLD.pseudonym IS DISTINCT FROM NEW.pseudonym OR OLD.language IS DISTINCT FROM NEW.language)
  EXECUTE FUNCTION jsi_contribution_revision();

-- The audit log stays append-only: the new columns are part of what may never change.
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
     AND NEW."noteCode" IS NOT DISTINCT FROM OLD."noteCode"
     AND NEW."noteParams" IS NOT DISTINCT FROM OLD."noteParams"
     AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ModerationEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

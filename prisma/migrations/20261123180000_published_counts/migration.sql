-- Published contributions per question and language, kept in step by triggers on "Contribution",
-- so that the catalogue, a question page and its language filter read a few small rows instead
-- of counting a table of a million contributions on every request. Any writer (the application,
-- the load generator, a manual UPDATE) keeps it right; restores copy it with triggers off.

-- CreateTable
CREATE TABLE "PublishedCount" (
    "questionId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PublishedCount_pkey" PRIMARY KEY ("questionId","language")
);

-- AddForeignKey
ALTER TABLE "PublishedCount" ADD CONSTRAINT "PublishedCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row leaves the count it was in and/or enters the one it is now in.
CREATE FUNCTION jsi_published_count() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.status = 'PUBLISHED';
  is_now boolean := TG_OP <> 'DELETE' AND NEW.status = 'PUBLISHED';
  moved boolean := TG_OP = 'UPDATE' AND (OLD."questionId" <> NEW."questionId" OR OLD.language <> NEW.language);
BEGIN
  IF was AND (NOT is_now OR moved) THEN
    UPDATE "PublishedCount" SET published = published - 1
     WHERE "questionId" = OLD."questionId" AND language = OLD.language;
  END IF;
  IF is_now AND (NOT was OR moved) THEN
    INSERT INTO "PublishedCount" AS p ("questionId", language, published)
    VALUES (NEW."questionId", NEW.language, 1)
    ON CONFLICT ("questionId", language) DO UPDATE SET published = p.published + 1;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Contribution_published_count"
AFTER INSERT OR DELETE OR UPDATE OF status, "questionId", language ON "Contribution"
FOR EACH ROW EXECUTE FUNCTION jsi_published_count();

-- TRUNCATE fires no row trigger.
CREATE FUNCTION jsi_published_count_truncate() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM "PublishedCount";
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Contribution_published_count_truncate"
AFTER TRUNCATE ON "Contribution"
FOR EACH STATEMENT EXECUTE FUNCTION jsi_published_count_truncate();

-- The counts of the contributions already there.
INSERT INTO "PublishedCount" ("questionId", language, published)
SELECT "questionId", language, count(*)::int FROM "Contribution" WHERE status = 'PUBLISHED' GROUP BY 1, 2;

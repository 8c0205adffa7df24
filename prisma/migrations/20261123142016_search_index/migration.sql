-- Search: one table of searchable texts ("SearchEntry"), written only by the triggers below, so
-- that every write to questions, contributions, translations, documents, proceedings and the
-- synthesis (by any part of the application, or by hand) keeps the index in step.
--
-- Languages: PostgreSQL's stemming configurations for en, fr, de, es, it, pt, ru, ar; 'simple'
-- for the others. Chinese, Korean (and Japanese kana) have no spaces between words: every run of
-- such characters is also indexed as character bigrams (in order, so that a query of several
-- characters is a phrase of bigrams) and unigrams (a one-character word), for any language.

-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "original" BOOLEAN NOT NULL DEFAULT true,
    "trackId" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "vector" tsvector NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchEntry_vector_idx" ON "SearchEntry" USING GIN ("vector");

-- CreateIndex
CREATE INDEX "SearchEntry_kind_trackId_idx" ON "SearchEntry"("kind", "trackId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_kind_refId_locale_key" ON "SearchEntry"("kind", "refId", "locale");

-- The text search configuration of one of our languages.
CREATE FUNCTION jsi_ts_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT (CASE lang
    WHEN 'en' THEN 'pg_catalog.english'
    WHEN 'fr' THEN 'pg_catalog.french'
    WHEN 'de' THEN 'pg_catalog.german'
    WHEN 'es' THEN 'pg_catalog.spanish'
    WHEN 'it' THEN 'pg_catalog.italian'
    WHEN 'pt' THEN 'pg_catalog.portuguese'
    WHEN 'ru' THEN 'pg_catalog.russian'
    WHEN 'ar' THEN 'pg_catalog.arabic'
    ELSE 'pg_catalog.simple'
  END)::regconfig
$fn$;

-- Runs of CJK characters (Han, kana, Hangul jamo and syllables) in a text.
CREATE FUNCTION jsi_cjk_runs(body text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT m[1] FROM regexp_matches(coalesce(body, ''),
    '([\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)', 'g') AS m
$fn$;

-- The tsvector of a text in a language: stemmed words, then CJK bigrams, then CJK unigrams.
CREATE FUNCTION jsi_tsv(lang text, body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  run text;
  n int;
  grams text[] := '{}';
  unis text[] := '{}';
  v tsvector := to_tsvector(jsi_ts_config(lang), coalesce(body, ''));
BEGIN
  FOR run IN SELECT jsi_cjk_runs(body) LOOP
    n := char_length(run);
    FOR i IN 1..n LOOP
      unis := unis || substr(run, i, 1);
      IF i < n THEN grams := grams || substr(run, i, 2); END IF;
    END LOOP;
  END LOOP;
  IF cardinality(unis) > 0 THEN
    v := v || to_tsvector('pg_catalog.simple', array_to_string(grams, ' '))
           || to_tsvector('pg_catalog.simple', array_to_string(unis, ' '));
  END IF;
  RETURN v;
END
$fn$;

-- The CJK part of a query: each run is a phrase of its bigrams (or its single character).
CREATE FUNCTION jsi_cjk_query(q text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET client_min_messages = warning
AS $fn$
DECLARE
  run text;
  n int;
  grams text[];
  part tsquery;
  res tsquery;
BEGIN
  FOR run IN SELECT jsi_cjk_runs(q) LOOP
    n := char_length(run);
    IF n = 1 THEN
      part := plainto_tsquery('pg_catalog.simple', run);
    ELSE
      grams := '{}';
      FOR i IN 1..n - 1 LOOP grams := grams || substr(run, i, 2); END LOOP;
      part := phraseto_tsquery('pg_catalog.simple', array_to_string(grams, ' '));
    END IF;
    res := CASE WHEN res IS NULL THEN part ELSE res && part END;
  END LOOP;
  RETURN res;
END
$fn$;

-- The query for any language: the words stemmed by every configuration we use (a French
-- contribution matches a French stem, a Russian one a Russian stem, …), OR the CJK phrases
-- together with the other words of the query. Never raises on any input (websearch syntax).
CREATE FUNCTION jsi_search_query(q text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET client_min_messages = warning -- "query contains only stop words" notices: expected here
AS $fn$
DECLARE
  res tsquery := websearch_to_tsquery('pg_catalog.simple', q);
  seen text[] := ARRAY[res::text];
  part tsquery;
  cfg regconfig;
  cjk tsquery := jsi_cjk_query(q);
  rest tsquery;
BEGIN
  FOREACH cfg IN ARRAY ARRAY['pg_catalog.english', 'pg_catalog.french', 'pg_catalog.german', 'pg_catalog.spanish',
                            'pg_catalog.italian', 'pg_catalog.portuguese', 'pg_catalog.russian', 'pg_catalog.arabic']::regconfig[] LOOP
    part := websearch_to_tsquery(cfg, q);
    IF numnode(part) > 0 AND NOT (part::text = ANY (seen)) THEN
      res := CASE WHEN numnode(res) = 0 THEN part ELSE res || part END;
      seen := seen || part::text;
    END IF;
  END LOOP;
  IF cjk IS NOT NULL AND numnode(cjk) > 0 THEN
    rest := websearch_to_tsquery('pg_catalog.simple', regexp_replace(q,
      '[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+', ' ', 'g'));
    IF numnode(rest) > 0 THEN cjk := cjk && rest; END IF;
    res := CASE WHEN numnode(res) = 0 THEN cjk ELSE res || cjk END;
  END IF;
  RETURN res;
END
$fn$;

-- ─── Keeping "SearchEntry" in step ─────────────────────────────────────────

CREATE FUNCTION jsi_search_sync_question(qid int) RETURNS void
LANGUAGE sql AS $fn$
  DELETE FROM "SearchEntry" WHERE kind = 'question' AND "refId" = qid::text;
  INSERT INTO "SearchEntry" (kind, "refId", locale, original, "trackId", title, body, "publishedAt", vector)
  SELECT 'question', q.id::text, t.locale, NOT t.translated, th."trackId", t.title, coalesce(t.context, ''), NULL,
         setweight(jsi_tsv(t.locale, t.title), 'A') || setweight(jsi_tsv(t.locale, coalesce(t.context, '')), 'B')
  FROM "Question" q
  JOIN "Theme" th ON th.id = q."themeId"
  JOIN "QuestionTranslation" t ON t."questionId" = q.id
  WHERE q.id = qid;
$fn$;

-- A contribution is searchable only while PUBLISHED: its original and each translation.
CREATE FUNCTION jsi_search_sync_contribution(cid uuid) RETURNS void
LANGUAGE sql AS $fn$
  DELETE FROM "SearchEntry" WHERE kind = 'contribution' AND "refId" = cid::text;
  INSERT INTO "SearchEntry" (kind, "refId", locale, original, "trackId", title, body, "publishedAt", vector)
  SELECT 'contribution', c.id::text, x.locale, x.original, th."trackId", '', x.body, coalesce(c."publishedAt", c."createdAt"),
         setweight(jsi_tsv(x.locale, x.body), 'B')
  FROM "Contribution" c
  JOIN "Question" q ON q.id = c."questionId"
  JOIN "Theme" th ON th.id = q."themeId"
  CROSS JOIN LATERAL (
    SELECT c.language AS locale, true AS original, c.body AS body
    UNION ALL
    SELECT t.locale, false, t.body FROM "ContributionTranslation" t
    WHERE t."contributionId" = c.id AND t.locale <> c.language
  ) x
  WHERE c.id = cid AND c.status = 'PUBLISHED';
$fn$;

-- A document: title and summary in each locale; the original language also carries the full text.
CREATE FUNCTION jsi_search_sync_document(did int) RETURNS void
LANGUAGE sql AS $fn$
  DELETE FROM "SearchEntry" WHERE kind = 'document' AND "refId" = did::text;
  INSERT INTO "SearchEntry" (kind, "refId", locale, original, "trackId", title, body, "publishedAt", vector)
  SELECT 'document', d.id::text, t.locale, t.locale = d."originalLanguage", NULL, t.title,
         CASE WHEN t.locale = d."originalLanguage" THEN t.summary || E'\n\n' || d.body ELSE t.summary END,
         d.date,
         setweight(jsi_tsv(t.locale, t.title), 'A') || setweight(jsi_tsv(t.locale, t.summary), 'B')
           || CASE WHEN t.locale = d."originalLanguage" THEN setweight(jsi_tsv(t.locale, d.body), 'C') ELSE ''::tsvector END
  FROM "Document" d
  JOIN "DocumentTranslation" t ON t."documentId" = d.id
  WHERE d.id = did;
$fn$;

CREATE FUNCTION jsi_search_sync_proceeding(pid uuid) RETURNS void
LANGUAGE sql AS $fn$
  DELETE FROM "SearchEntry" WHERE kind = 'proceeding' AND "refId" = pid::text;
  INSERT INTO "SearchEntry" (kind, "refId", locale, original, "trackId", title, body, "publishedAt", vector)
  SELECT 'proceeding', p.id::text, p.locale, true, NULL, p.title, p.body, p."publishedAt",
         setweight(jsi_tsv(p.locale, p.title), 'A') || setweight(jsi_tsv(p.locale, p.body), 'B')
  FROM "Proceeding" p
  WHERE p.id = pid AND p.status = 'PUBLISHED';
$fn$;

-- Synthesis bodies carry citations as [[cite:<uuid>]]: not words, left out of the index.
CREATE FUNCTION jsi_search_sync_synthesis(sid uuid) RETURNS void
LANGUAGE sql AS $fn$
  DELETE FROM "SearchEntry" WHERE kind = 'synthesis' AND "refId" = sid::text;
  INSERT INTO "SearchEntry" (kind, "refId", locale, original, "trackId", title, body, "publishedAt", vector)
  SELECT 'synthesis', s.id::text, s.locale, true, th."trackId", s.title, x.body, s."publishedAt",
         setweight(jsi_tsv(s.locale, s.title), 'A') || setweight(jsi_tsv(s.locale, x.body), 'B')
  FROM "SynthesisPage" s
  LEFT JOIN "Theme" th ON th.id = s."themeId"
  CROSS JOIN LATERAL (SELECT regexp_replace(s.body, '\[\[cite:[^\]]*\]\]', ' ', 'g') AS body) x
  WHERE s.id = sid AND s.status = 'PUBLISHED';
$fn$;

CREATE FUNCTION jsi_search_trg() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'Question' THEN
      PERFORM jsi_search_sync_question(r.id);
      IF TG_OP = 'UPDATE' THEN
        PERFORM jsi_search_sync_contribution(c.id) FROM "Contribution" c WHERE c."questionId" = r.id AND c.status = 'PUBLISHED';
      END IF;
    WHEN 'Theme' THEN
      UPDATE "SearchEntry" e SET "trackId" = r."trackId"
      WHERE (e.kind = 'question' AND e."refId" IN (SELECT q.id::text FROM "Question" q WHERE q."themeId" = r.id))
         OR (e.kind = 'synthesis' AND e."refId" IN (SELECT s.id::text FROM "SynthesisPage" s WHERE s."themeId" = r.id))
         OR (e.kind = 'contribution' AND e."refId" IN (
               SELECT c.id::text FROM "Contribution" c JOIN "Question" q ON q.id = c."questionId" WHERE q."themeId" = r.id));
    WHEN 'QuestionTranslation' THEN PERFORM jsi_search_sync_question(r."questionId");
    WHEN 'Contribution' THEN PERFORM jsi_search_sync_contribution(r.id);
    WHEN 'ContributionTranslation' THEN PERFORM jsi_search_sync_contribution(r."contributionId");
    WHEN 'Document' THEN PERFORM jsi_search_sync_document(r.id);
    WHEN 'DocumentTranslation' THEN PERFORM jsi_search_sync_document(r."documentId");
    WHEN 'Proceeding' THEN PERFORM jsi_search_sync_proceeding(r.id);
    WHEN 'SynthesisPage' THEN PERFORM jsi_search_sync_synthesis(r.id);
  END CASE;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER search_question AFTER UPDATE OF "themeId" ON "Question"
  FOR EACH ROW WHEN (OLD."themeId" IS DISTINCT FROM NEW."themeId") EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_theme AFTER UPDATE OF "trackId" ON "Theme"
  FOR EACH ROW WHEN (OLD."trackId" IS DISTINCT FROM NEW."trackId") EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_question_translation AFTER INSERT OR UPDATE OR DELETE ON "QuestionTranslation"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_contribution_write AFTER INSERT OR DELETE ON "Contribution"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();
-- Only changes that matter to search (not report counts, versions, client hashes…).
CREATE TRIGGER search_contribution_update AFTER UPDATE ON "Contribution"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.body IS DISTINCT FROM NEW.body
    OR OLD.language IS DISTINCT FROM NEW.language OR OLD."questionId" IS DISTINCT FROM NEW."questionId"
    OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
  EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_contribution_translation AFTER INSERT OR UPDATE OR DELETE ON "ContributionTranslation"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_document AFTER INSERT OR UPDATE OR DELETE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_document_translation AFTER INSERT OR UPDATE OR DELETE ON "DocumentTranslation"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_proceeding AFTER INSERT OR UPDATE OR DELETE ON "Proceeding"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();
CREATE TRIGGER search_synthesis AFTER INSERT OR UPDATE OR DELETE ON "SynthesisPage"
  FOR EACH ROW EXECUTE FUNCTION jsi_search_trg();

-- Backfill what already exists.
SELECT jsi_search_sync_question(id) FROM "Question";
SELECT jsi_search_sync_contribution(id) FROM "Contribution" WHERE status = 'PUBLISHED';
SELECT jsi_search_sync_document(id) FROM "Document";
SELECT jsi_search_sync_proceeding(id) FROM "Proceeding" WHERE status = 'PUBLISHED';
SELECT jsi_search_sync_synthesis(id) FROM "SynthesisPage" WHERE status = 'PUBLISHED';

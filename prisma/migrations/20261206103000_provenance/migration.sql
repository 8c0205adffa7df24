-- Provenance of official texts (issue 13): where each text comes from, shown to readers.

-- CreateEnum
CREATE TYPE "Provenance" AS ENUM ('SOURCE', 'TRANSLATION', 'PLATFORM', 'DEMO');

-- AlterTable
ALTER TABLE "TrackTranslation" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "ThemeTranslation" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "QuestionTranslation" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "PageTranslation" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "ConferenceSessionTranslation" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "DocumentTranslation" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "source" TEXT,
ADD COLUMN "fullText" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Proceeding" ADD COLUMN "isDemo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SynthesisPage" ADD COLUMN "isDemo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Moderator" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

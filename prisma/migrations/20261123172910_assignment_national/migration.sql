-- AlterTable
ALTER TABLE "IndicatorAssignment" ADD COLUMN     "national" BOOLEAN NOT NULL DEFAULT false;

-- CreateEnum
CREATE TYPE "Periodicity" AS ENUM ('QUARTER', 'YEAR', 'TWO_YEARS');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "baseYear" INTEGER;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "periodicity" "Periodicity" NOT NULL DEFAULT 'QUARTER';

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "minCoverage" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "cutoffDays" INTEGER NOT NULL DEFAULT 45;

-- CreateTable
CREATE TABLE "IndicatorStatusSource" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "userId" INTEGER,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorStatusSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndicatorStatusSource_indicatorId_createdAt_idx" ON "IndicatorStatusSource"("indicatorId", "createdAt");

-- AddForeignKey
ALTER TABLE "IndicatorStatusSource" ADD CONSTRAINT "IndicatorStatusSource_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorStatusSource" ADD CONSTRAINT "IndicatorStatusSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A choice of source is history: a change is a new row, so who chose what, when and why stays.
CREATE TRIGGER "IndicatorStatusSource_immutable"
  BEFORE UPDATE OR DELETE ON "IndicatorStatusSource"
  FOR EACH ROW EXECUTE FUNCTION revision_immutable();

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('STATISTICS_OFFICE', 'MINISTRY', 'INTERNATIONAL_INDEX', 'AGENCY_REPORTING', 'SURVEY');

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "url" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedFigure" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "releaseTitle" TEXT NOT NULL,
    "releaseDate" DATE NOT NULL,
    "releaseUrl" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "printed" TEXT NOT NULL,
    "revisesId" INTEGER,
    "definitionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishedFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_code_key" ON "Source"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedFigure_key_key" ON "PublishedFigure"("key");

-- CreateIndex
CREATE INDEX "PublishedFigure_indicatorId_sourceId_periodStart_idx" ON "PublishedFigure"("indicatorId", "sourceId", "periodStart");

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_revisesId_fkey" FOREIGN KEY ("revisesId") REFERENCES "PublishedFigure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A published figure is a fact about a release: once written it never changes. A correction is a
-- new row that revises it (revisesId).
CREATE TRIGGER "PublishedFigure_immutable"
  BEFORE UPDATE OR DELETE ON "PublishedFigure"
  FOR EACH ROW EXECUTE FUNCTION revision_immutable();

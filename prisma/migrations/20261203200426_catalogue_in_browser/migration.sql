-- CreateEnum
CREATE TYPE "CatalogueOrigin" AS ENUM ('SEED', 'BROWSER');

-- CreateEnum
CREATE TYPE "DraftState" AS ENUM ('EDITING', 'SUBMITTED', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DraftItemKind" AS ENUM ('TARGET', 'TASK');

-- CreateEnum
CREATE TYPE "DraftDecision" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'EDITOR';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "origin" "CatalogueOrigin" NOT NULL DEFAULT 'SEED',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "supersedesKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "taskTable" JSONB;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "origin" "CatalogueOrigin" NOT NULL DEFAULT 'SEED',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "supersedesId" INTEGER;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "origin" "CatalogueOrigin" NOT NULL DEFAULT 'SEED',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DocumentText" (
    "id" SERIAL NOT NULL,
    "draftId" INTEGER,
    "documentId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "noteVi" TEXT,
    "noteEn" TEXT,

    CONSTRAINT "DocumentText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueDraft" (
    "id" SERIAL NOT NULL,
    "documentKey" TEXT NOT NULL,
    "state" "DraftState" NOT NULL DEFAULT 'EDITING',
    "meta" JSONB NOT NULL,
    "taskTable" JSONB,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "publishedById" INTEGER,
    "documentId" INTEGER,
    "returnNote" TEXT,

    CONSTRAINT "CatalogueDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueDraftItem" (
    "id" SERIAL NOT NULL,
    "draftId" INTEGER NOT NULL,
    "kind" "DraftItemKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "proposal" JSONB NOT NULL,
    "data" JSONB NOT NULL,
    "decision" "DraftDecision" NOT NULL DEFAULT 'PROPOSED',
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogueDraftItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueRevision" (
    "id" SERIAL NOT NULL,
    "entity" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "documentKey" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentText_draftId_idx" ON "DocumentText"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentText_documentId_version_key" ON "DocumentText"("documentId", "version");

-- CreateIndex
CREATE INDEX "CatalogueDraft_state_idx" ON "CatalogueDraft"("state");

-- CreateIndex
CREATE INDEX "CatalogueDraftItem_draftId_kind_position_idx" ON "CatalogueDraftItem"("draftId", "kind", "position");

-- CreateIndex
CREATE INDEX "CatalogueRevision_entity_entityKey_idx" ON "CatalogueRevision"("entity", "entityKey");

-- CreateIndex
CREATE INDEX "CatalogueRevision_documentKey_idx" ON "CatalogueRevision"("documentKey");

-- AddForeignKey
ALTER TABLE "DocumentText" ADD CONSTRAINT "DocumentText_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentText" ADD CONSTRAINT "DocumentText_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CatalogueDraft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueDraftItem" ADD CONSTRAINT "CatalogueDraftItem_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CatalogueDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The catalogue's history is append-only, like the other revision tables.
CREATE TRIGGER "CatalogueRevision_immutable"
  BEFORE UPDATE OR DELETE ON "CatalogueRevision"
  FOR EACH ROW EXECUTE FUNCTION revision_immutable();

-- A document's text is immutable once published; until then the editor may replace it.
CREATE OR REPLACE FUNCTION document_text_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD."publishedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'a published document text is immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DocumentText_immutable"
  BEFORE UPDATE OR DELETE ON "DocumentText"
  FOR EACH ROW EXECUTE FUNCTION document_text_immutable();

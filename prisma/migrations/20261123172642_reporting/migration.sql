-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'APPLIED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "evidenceFileId" TEXT,
ADD COLUMN     "reopened" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ObservationRevision" ADD COLUMN     "evidenceFileId" TEXT,
ADD COLUMN     "evidenceUrl" TEXT;

-- AlterTable
ALTER TABLE "TaskProgress" ADD COLUMN     "evidenceFileId" TEXT,
ADD COLUMN     "reopened" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "TaskProgressRevision" ADD COLUMN     "evidenceFileId" TEXT,
ADD COLUMN     "evidenceUrl" TEXT;

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "rows" JSONB NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

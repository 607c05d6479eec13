-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('DECISION', 'ACTION_PLAN', 'STRATEGY', 'PROGRAMME', 'DRAFT', 'PRESS_SUMMARY');

-- CreateEnum
CREATE TYPE "Pillar" AS ENUM ('DIGITAL_GOVERNMENT', 'DIGITAL_ECONOMY', 'DIGITAL_SOCIETY', 'FOUNDATION');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('PERCENT', 'COUNT', 'RATE_PER_YEAR', 'RANK', 'BOOLEAN', 'AMOUNT');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GT', 'GTE', 'EQ', 'LTE', 'LT');

-- CreateEnum
CREATE TYPE "ScopeKind" AS ENUM ('NATIONAL', 'GOV_LEVEL', 'EACH', 'SUBGROUP');

-- CreateEnum
CREATE TYPE "GovLevel" AS ENUM ('CENTRAL_PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('QUARTER', 'YEAR', 'PERIOD', 'RECURRING', 'NONE');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('MINISTRY', 'MINISTRY_LEVEL', 'GOV_AGENCY', 'PROVINCE', 'DEPARTMENT', 'ENTERPRISE', 'ASSOCIATION', 'OTHER');

-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('MERGE', 'RENAME', 'TRANSFER_PART');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LEAD', 'PARTNER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'REPORTER', 'VIEWER');

-- CreateEnum
CREATE TYPE "WorkflowState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "TaskProgressStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED');

-- CreateEnum
CREATE TYPE "QualitySubject" AS ENUM ('DOCUMENT', 'TARGET', 'TASK', 'HEADING', 'COMMITMENT', 'INDICATOR', 'AGENCY', 'OBSERVATION');

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "numberPrinted" TEXT,
    "numberCanonical" TEXT,
    "kind" "DocumentKind" NOT NULL,
    "inForce" BOOLEAN NOT NULL,
    "issuedOn" DATE,
    "issuer" TEXT,
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryVi" TEXT,
    "summaryEn" TEXT,
    "relatedKeys" TEXT[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "pillar" "Pillar" NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "Direction" NOT NULL,
    "minValue" DOUBLE PRECISION,
    "maxValue" DOUBLE PRECISION,
    "descriptionVi" TEXT,
    "descriptionEn" TEXT,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "comparator" "Comparator" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "scopeKind" "ScopeKind" NOT NULL,
    "scopeLevel" "GovLevel",
    "scopeOf" TEXT,
    "scopeLabel" TEXT,
    "clause" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "noteVi" TEXT,
    "noteEn" TEXT,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "year" INTEGER,
    "pillar" "Pillar",
    "clause" TEXT,
    "line" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "titleEn" TEXT,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskHeading" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "TaskHeading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "headingId" INTEGER,
    "numberPrinted" TEXT,
    "line" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "product" TEXT,
    "leadRaw" TEXT,
    "partnersRaw" TEXT,
    "deadlineRaw" TEXT,
    "deadlineKind" "DeadlineKind" NOT NULL,
    "deadlineYear" INTEGER,
    "deadlineQuarter" INTEGER,
    "deadlineFrom" INTEGER,
    "deadlineTo" INTEGER,
    "deadlineEvery" TEXT,
    "dueOn" DATE,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAgency" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "agencyId" INTEGER,
    "groupCode" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "TaskAgency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignment" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "via" TEXT,

    CONSTRAINT "TaskAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "shortVi" TEXT,
    "kind" "AgencyKind" NOT NULL,
    "parentId" INTEGER,
    "validFrom" DATE,
    "validTo" DATE,
    "aliases" TEXT[],

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyGroup" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT,
    "kinds" "AgencyKind"[],
    "members" TEXT[],
    "aliases" TEXT[],
    "noteVi" TEXT,
    "noteEn" TEXT,

    CONSTRAINT "AgencyGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencySuccession" (
    "id" SERIAL NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "SuccessionKind" NOT NULL,
    "legalBasis" TEXT,
    "noteVi" TEXT,
    "noteEn" TEXT,

    CONSTRAINT "AgencySuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataQualityNote" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "documentId" INTEGER,
    "subjectType" "QualitySubject" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "line" INTEGER,
    "evidence" TEXT,
    "noteVi" TEXT NOT NULL,
    "noteEn" TEXT NOT NULL,

    CONSTRAINT "DataQualityNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "locksAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorAssignment" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,

    CONSTRAINT "IndicatorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "isNational" BOOLEAN NOT NULL DEFAULT false,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "value" DOUBLE PRECISION,
    "source" TEXT,
    "note" TEXT,
    "explanation" TEXT,
    "evidenceUrl" TEXT,
    "state" "WorkflowState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "approvedValue" DOUBLE PRECISION,
    "approvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObservationRevision" (
    "id" SERIAL NOT NULL,
    "observationId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,
    "state" "WorkflowState" NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "explanation" TEXT,
    "comment" TEXT,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObservationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskProgress" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "status" "TaskProgressStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "percentComplete" INTEGER,
    "achieved" TEXT,
    "obstacles" TEXT,
    "nextSteps" TEXT,
    "evidenceUrl" TEXT,
    "completedOn" DATE,
    "state" "WorkflowState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "approvedStatus" "TaskProgressStatus",
    "approvedPercent" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "TaskProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskProgressRevision" (
    "id" SERIAL NOT NULL,
    "taskProgressId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "TaskProgressStatus" NOT NULL,
    "percentComplete" INTEGER,
    "achieved" TEXT,
    "obstacles" TEXT,
    "nextSteps" TEXT,
    "state" "WorkflowState" NOT NULL,
    "comment" TEXT,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskProgressRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "agencyId" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedRun" (
    "id" SERIAL NOT NULL,
    "hash" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_key_key" ON "Document"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Target_key_key" ON "Target"("key");

-- CreateIndex
CREATE INDEX "Target_indicatorId_idx" ON "Target"("indicatorId");

-- CreateIndex
CREATE INDEX "Target_documentId_idx" ON "Target"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_key_key" ON "Commitment"("key");

-- CreateIndex
CREATE INDEX "Commitment_documentId_idx" ON "Commitment"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskHeading_documentId_code_key" ON "TaskHeading"("documentId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Task_key_key" ON "Task"("key");

-- CreateIndex
CREATE INDEX "Task_documentId_idx" ON "Task"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAgency_taskId_role_position_key" ON "TaskAgency"("taskId", "role", "position");

-- CreateIndex
CREATE INDEX "TaskAssignment_agencyId_idx" ON "TaskAssignment"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAssignment_taskId_agencyId_role_key" ON "TaskAssignment"("taskId", "agencyId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyGroup_code_key" ON "AgencyGroup"("code");

-- CreateIndex
CREATE UNIQUE INDEX "AgencySuccession_fromId_toId_date_kind_key" ON "AgencySuccession"("fromId", "toId", "date", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DataQualityNote_key_key" ON "DataQualityNote"("key");

-- CreateIndex
CREATE INDEX "DataQualityNote_subjectType_subjectKey_idx" ON "DataQualityNote"("subjectType", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_year_quarter_key" ON "ReportingPeriod"("year", "quarter");

-- CreateIndex
CREATE INDEX "IndicatorAssignment_agencyId_idx" ON "IndicatorAssignment"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorAssignment_indicatorId_agencyId_key" ON "IndicatorAssignment"("indicatorId", "agencyId");

-- CreateIndex
CREATE INDEX "Observation_agencyId_year_quarter_idx" ON "Observation"("agencyId", "year", "quarter");

-- CreateIndex
CREATE INDEX "Observation_indicatorId_state_idx" ON "Observation"("indicatorId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_indicatorId_agencyId_year_quarter_key" ON "Observation"("indicatorId", "agencyId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "ObservationRevision_observationId_version_key" ON "ObservationRevision"("observationId", "version");

-- CreateIndex
CREATE INDEX "TaskProgress_agencyId_year_quarter_idx" ON "TaskProgress"("agencyId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProgress_taskId_agencyId_year_quarter_key" ON "TaskProgress"("taskId", "agencyId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProgressRevision_taskProgressId_version_key" ON "TaskProgressRevision"("taskProgressId", "version");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskHeading" ADD CONSTRAINT "TaskHeading_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_headingId_fkey" FOREIGN KEY ("headingId") REFERENCES "TaskHeading"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAgency" ADD CONSTRAINT "TaskAgency_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAgency" ADD CONSTRAINT "TaskAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySuccession" ADD CONSTRAINT "AgencySuccession_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySuccession" ADD CONSTRAINT "AgencySuccession_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityNote" ADD CONSTRAINT "DataQualityNote_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorAssignment" ADD CONSTRAINT "IndicatorAssignment_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorAssignment" ADD CONSTRAINT "IndicatorAssignment_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationRevision" ADD CONSTRAINT "ObservationRevision_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgressRevision" ADD CONSTRAINT "TaskProgressRevision_taskProgressId_fkey" FOREIGN KEY ("taskProgressId") REFERENCES "TaskProgress"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

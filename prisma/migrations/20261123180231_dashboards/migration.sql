-- CreateTable
CREATE TABLE "StatusOverride" (
    "id" SERIAL NOT NULL,
    "targetId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" INTEGER,

    CONSTRAINT "StatusOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatusOverride_targetId_createdAt_idx" ON "StatusOverride"("targetId", "createdAt");

-- CreateIndex
CREATE INDEX "Observation_approvedAt_idx" ON "Observation"("approvedAt");

-- CreateIndex
CREATE INDEX "Observation_state_submittedAt_idx" ON "Observation"("state", "submittedAt");

-- CreateIndex
CREATE INDEX "TaskProgress_approvedAt_idx" ON "TaskProgress"("approvedAt");

-- CreateIndex
CREATE INDEX "TaskProgress_state_submittedAt_idx" ON "TaskProgress"("state", "submittedAt");

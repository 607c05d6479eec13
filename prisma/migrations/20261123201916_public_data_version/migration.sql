-- CreateTable
CREATE TABLE "PublicDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicDataVersion_pkey" PRIMARY KEY ("id")
);

-- A single row, present from the start so bumps are plain UPDATEs.
ALTER TABLE "PublicDataVersion" ADD CONSTRAINT "PublicDataVersion_single_row" CHECK ("id" = 1);
INSERT INTO "PublicDataVersion" ("id") VALUES (1);

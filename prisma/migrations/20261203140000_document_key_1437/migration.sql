-- The 2024-2025 digital-economy action plan is Decision 1437/QĐ-TTg (20/11/2024); its header's
-- "4437" is a misprint. Rename the key in place so its tasks, progress and history stay attached;
-- the front server redirects the old key's URLs (src/lib/document-keys.ts).
UPDATE "Document"
SET "key" = '1437-2024', "numberCanonical" = '1437/QĐ-TTg'
WHERE "key" = '4437-2024'
  AND NOT EXISTS (SELECT 1 FROM "Document" WHERE "key" = '1437-2024');

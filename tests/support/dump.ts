import { createHash } from "node:crypto";
import pg from "pg";

const TABLES = [
  "Agency",
  "AgencyGroup",
  "AgencySuccession",
  "Indicator",
  "Document",
  "Target",
  "Commitment",
  "TaskHeading",
  "Task",
  "TaskAgency",
  "TaskAssignment",
  "DataQualityNote",
  "Observation",
  "ObservationRevision",
  "SeedRun",
];

/** A fingerprint of every seeded table's full contents, to prove a run changed nothing. */
export async function dumpFingerprint(url: string): Promise<{ hash: string; rows: Record<string, number> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const h = createHash("sha256");
  const rows: Record<string, number> = {};
  try {
    for (const t of TABLES) {
      const r = await c.query(`SELECT * FROM "${t}" ORDER BY id`);
      rows[t] = r.rowCount ?? 0;
      h.update(t).update(JSON.stringify(r.rows));
    }
  } finally {
    await c.end();
  }
  return { hash: h.digest("hex"), rows };
}

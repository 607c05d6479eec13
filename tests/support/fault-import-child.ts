// A separate process that confirms one Excel import, as the portal's server process would, for
// tests/integration/faults.test.ts to kill in the middle of its transaction. Usage (DATABASE_URL
// names the database):
//   tsx --conditions=react-server tests/support/fault-import-child.ts <reporter email> <batch id>
// It calls the import module's confirmImport (the function the confirm server action calls) for
// that user: there is no session cookie in a child process, so the user is read by email.
import { confirmImport } from "@/modules/excel/import";
import { toSessionUser } from "@/server/session-user";
import { db } from "@/server/db";

async function main() {
  const [email, batchId] = process.argv.slice(2);
  if (!email || !Number.isInteger(Number(batchId))) throw new Error("usage: fault-import-child.ts <email> <batch id>");
  const u = await db.user.findUniqueOrThrow({ where: { email }, include: { agency: true } });
  const user = toSessionUser(u);
  console.log("confirming");
  const result = await confirmImport(user, Number(batchId));
  console.log(JSON.stringify(result));
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

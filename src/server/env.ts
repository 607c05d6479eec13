// The one place that reads process.env. Everything else imports `env` from here.
// Its messages stay literal Vietnamese, outside the catalogue: they are printed once, at start-up,
// to the operator who set the variable (no request, so no reader's language), and the process
// stops; no portal user ever sees them.
import { z } from "zod";
import path from "node:path";
import { parseTrustedProxies } from "../lib/ip";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải là chuỗi kết nối PostgreSQL (postgresql://…)")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  UPLOAD_DIR: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** How often each instance checks whether published data changed (ms). */
  PUBLIC_CACHE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** Memory for cached public responses per instance (MB). */
  PUBLIC_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
  /**
   * Anonymous visitors get public pages without Next's runtime (complete HTML and a 3 KB script,
   * src/server/http/lite-page.ts); "0" serves them the React pages signed-in visitors get.
   */
  PUBLIC_LITE_PAGES: z.enum(["0", "1"]).default("1"),
  /**
   * "0": a new database gets no illustrative agency values (seeds/data/demo-progress.json); the
   * catalogue, the published figures and the demo logins are imported as always.
   */
  DEMO_DATA: z.enum(["0", "1"]).default("1"),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated), e.g. the
   * load balancer's address. Empty: the client address is the socket's peer, whatever the header says.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine((s) => {
      try {
        parseTrustedProxies(s);
        return true;
      } catch {
        return false;
      }
    }, "TRUSTED_PROXIES phải là danh sách địa chỉ IP hoặc dải CIDR, cách nhau bởi dấu phẩy"),
  /** Nightly backup time of day, Vietnam time ("HH:MM"), or "off". */
  BACKUP_AT: z
    .string()
    .regex(
      /^(([01]?\d|2[0-3]):[0-5]\d|off)$/i,
      "BACKUP_AT phải là giờ trong ngày dạng HH:MM (giờ Việt Nam), ví dụ 02:00, hoặc off",
    )
    .default("02:00"),
  /** How many backups the nightly job keeps in BACKUP_DIR (older ones are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** Where backups go (default DATA_DIR/backups); instances sharing a database should share it. */
  BACKUP_DIR: z.string().optional(),
  /** Bearer token for /metrics; unset, the endpoint does not exist. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN phải dài ít nhất 16 ký tự").optional(),
  /** Level of the JSON-lines log. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Where mail goes: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset,
   * every mail is kept in the outbox table and administrators read it at /{lang}/admin/outbox.
   */
  SMTP_URL: z.preprocess(
    // Empty counts as unset (docker-compose passes `${SMTP_URL:-}` through as "").
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy-chủ:587 hoặc smtps://…")
      .optional(),
  ),
  /** The From header of every mail the portal sends. */
  MAIL_FROM: z.string().min(3).max(320).default("Cổng theo dõi Chuyển đổi số <no-reply@cds.gov.vn>"),
  /** How often each instance looks for due jobs (reminders, mail), in ms. */
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** "0": this instance runs no jobs (others sharing the database still do). */
  JOBS: z.enum(["0", "1"]).default("1"),
  /** Set by the front server for its own process only (src/server/http/server.ts). */
  CDS_INTERNAL_TOKEN: z.string().min(32).optional(),
  /**
   * Moves the portal's clock (demos, and tests that are about a date): the clock starts at this
   * instant and runs on from it. Unset, it is the machine's clock. Read by src/server/clock.ts.
   */
  NOW: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "NOW phải là một thời điểm ISO 8601 (ví dụ 2027-06-15T03:00:00Z)")
    .optional(),
});

export type Env = z.infer<typeof schema> & { dataDir: string; uploadDir: string };

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ / invalid environment:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.data.DATA_DIR ?? path.join(process.cwd(), ".data"));
  return {
    ...parsed.data,
    dataDir,
    uploadDir: path.resolve(/*turbopackIgnore: true*/ parsed.data.UPLOAD_DIR ?? path.join(dataDir, "uploads")),
  };
}

export const env: Env = load();

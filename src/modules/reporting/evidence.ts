import "server-only";
import { requirePeriod } from "@/modules/periods/queries";
import { clockNow } from "@/server/clock";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { hasUnstorableChars } from "@/lib/text";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { msg, type Msg } from "@/i18n/translate";
import { withKind } from "./kinds";
import { assertCanReadAgency, assertCanWriteAgency } from "./policy";
import { editable } from "./rules";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Files kept for one item (every upload of it that is still stored) and for one agency. */
export const MAX_FILES_PER_ITEM = 10;
export const MAX_AGENCY_EVIDENCE_BYTES = 500 * 1024 * 1024;

// Extension → accepted MIME type and the magic bytes the file must start with: a renamed
// executable is refused whatever it claims to be.
const KINDS: Record<string, { mime: string; magic: number[][] }> = {
  pdf: { mime: "application/pdf", magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { mime: "image/png", magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  doc: { mime: "application/msword", magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: "application/vnd.ms-excel", magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  ppt: { mime: "application/vnd.ms-powerpoint", magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
};

/** Checks an uploaded file's name, size and first bytes; returns its kind or an error message. */
export function checkEvidenceFile(name: string, bytes: Uint8Array): { ext: string; mime: string } | { error: Msg } {
  // The name is stored and shown: a control character (NUL failed the save after the file was
  // written) or a lone surrogate is refused, and so is a name no file system would accept.
  if (name.length > 255) return { error: msg("errors.evidence.nameTooLong") };
  if (hasUnstorableChars(name)) return { error: msg("errors.evidence.nameInvalid") };
  if (bytes.length === 0) return { error: msg("errors.evidence.empty") };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { error: msg("errors.evidence.tooBig") };
  const ext = path.extname(name).slice(1).toLowerCase();
  const kind = KINDS[ext];
  if (!kind) return { error: msg("errors.evidence.type") };
  if (!kind.magic.some((m) => m.every((b, i) => bytes[i] === b))) return { error: msg("errors.evidence.content") };
  return { ext, mime: kind.mime };
}

/** Stores an evidence file and links it to an observation or task progress as a new revision. */
export async function attachEvidence(
  user: SessionUser,
  input: { kind: "obs" | "task"; id: number; file: File },
  now = clockNow(),
) {
  const record =
    input.kind === "obs"
      ? await db.observation.findUnique({ where: { id: input.id } })
      : await db.taskProgress.findUnique({ where: { id: input.id } });
  if (!record) throw new NotFoundError();
  assertCanWriteAgency(user, record.agencyId);
  const period = await requirePeriod(record);
  if (!editable(record.state, period, now, record.reopened))
    throw new ConflictError(msg("errors.evidence.notEditable"));
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const checked = checkEvidenceFile(input.file.name, bytes);
  if ("error" in checked) throw new ValidationError({ file: [checked.error] });

  // Quotas, so that no reporter can fill the disk: files stored for this item, bytes for the agency.
  const revisionFiles =
    input.kind === "obs"
      ? await db.observationRevision.findMany({
          where: { observationId: record.id, evidenceFileId: { not: null } },
          select: { evidenceFileId: true, state: true },
        })
      : await db.taskProgressRevision.findMany({
          where: { taskProgressId: record.id, evidenceFileId: { not: null } },
          select: { evidenceFileId: true, state: true },
        });
  const itemFiles = await db.evidenceFile.count({
    where: { id: { in: [...new Set(revisionFiles.map((r) => r.evidenceFileId!))] } },
  });
  if (itemFiles >= MAX_FILES_PER_ITEM)
    throw new ValidationError({ file: [msg("errors.evidence.tooMany", { max: MAX_FILES_PER_ITEM })] });
  const used =
    (await db.evidenceFile.aggregate({ where: { agencyId: record.agencyId }, _sum: { size: true } }))._sum.size ?? 0;
  if (used + bytes.length > MAX_AGENCY_EVIDENCE_BYTES) {
    throw new ValidationError({ file: [msg("errors.evidence.quota")] });
  }

  const id = randomUUID();
  // Files are readable by the portal's own user only (0600, in a 0700 folder).
  await mkdir(env.uploadDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(env.uploadDir, `${id}.part`);
  await writeFile(tmp, bytes, { mode: 0o600 });
  await rename(tmp, path.join(env.uploadDir, id));
  // A refused write (a conflict, the database) must not leave the stored file behind.
  const replaced = record.evidenceFileId;
  let discarded: string | null = null;
  const discard = (e: unknown) => rm(path.join(env.uploadDir, id), { force: true }).then(() => Promise.reject(e));
  await db
    .$transaction(async (tx) => {
      await tx.evidenceFile.create({
        data: {
          id,
          agencyId: record.agencyId,
          originalName: input.file.name.slice(0, 200),
          mimeType: checked.mime,
          size: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          uploadedById: user.id,
        },
      });
      await withKind(input.kind, async (ops) => {
        const changed = await ops.updateAt(tx, record.id, record.version, { evidenceFileId: id, updatedById: user.id });
        if (changed === 0) throw new ConflictError(msg("errors.reporting.itemChanged"));
        await ops.revise(tx, await ops.reload(tx, record.id), {
          comment: `Tệp minh chứng: ${input.file.name.slice(0, 200)}`,
          authorId: user.id,
        });
      });
      // Both audit rows name the same item: only what happened to which file differs.
      const item = {
        actor: user,
        entityType: input.kind === "obs" ? "Observation" : "TaskProgress",
        entityId: record.id,
        agencyId: record.agencyId,
      };
      await audit(tx, {
        ...item,
        action: "evidence.upload",
        after: { file: id, name: input.file.name, size: bytes.length },
      });
      // The file this one replaces goes only if no reviewer ever saw it (drafts only): what was
      // submitted stays answerable with its evidence. The revision keeps its id and comment.
      if (replaced && !revisionFiles.some((r) => r.evidenceFileId === replaced && r.state !== "DRAFT")) {
        await tx.evidenceFile.deleteMany({ where: { id: replaced } });
        await audit(tx, {
          ...item,
          action: "evidence.discard",
          before: { file: replaced },
          reason: "Thay bằng tệp mới khi còn là bản nháp",
        });
        discarded = replaced;
      }
    })
    .catch(discard);
  if (discarded) await rm(path.join(env.uploadDir, discarded), { force: true });
  return { id };
}

/** The bytes of an evidence file, for a user allowed to read its agency's data. */
export async function readEvidence(user: SessionUser, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFoundError();
  const f = await db.evidenceFile.findUnique({ where: { id } });
  if (!f) throw new NotFoundError();
  assertCanReadAgency(user, f.agencyId);
  try {
    return { file: f, bytes: await readFile(path.join(env.uploadDir, f.id)) };
  } catch (e) {
    // The row outlived its file (UPLOAD_DIR lost, not shared between instances, restored without
    // it): the user gets a plain 404, the operator one line naming the file.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    console.warn(`[evidence] file ${f.id} is in the database but not in UPLOAD_DIR`);
    throw new NotFoundError(msg("errors.evidence.missing"));
  }
}

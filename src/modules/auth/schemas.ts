import { z } from "zod";
import { zmsg } from "@/i18n/zod";

export const forgotPasswordSchema = z.object({
  email: z
    .string(zmsg("admin.server.emailRequired"))
    .trim()
    .toLowerCase()
    .min(1, { ...zmsg("admin.server.emailRequired"), abort: true })
    .max(200, { ...zmsg("admin.server.emailTooLong"), abort: true })
    .email(zmsg("admin.server.emailInvalid")),
});

// The token's shape is checked by the mutation (a wrong one reads "invalid or used", like an
// unknown one); the passwords by the portal's password rules (src/server/password.ts).
const token = z
  .string(zmsg("mail.server.tokenMissing"))
  .min(1, zmsg("mail.server.tokenMissing"))
  .max(100, zmsg("mail.resetPage.invalid"));

export const resetPasswordSchema = z.object({
  token,
  password: z.string(zmsg("admin.server.passwordShort")).max(1000, zmsg("admin.server.passwordLong")),
  confirm: z.string(zmsg("mail.resetPage.mismatch")).max(1000, zmsg("mail.resetPage.mismatch")),
});

export const unsubscribeSchema = z.object({ token: token.max(100, zmsg("mail.unsubscribePage.invalid")) });

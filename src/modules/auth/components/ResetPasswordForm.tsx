"use client";
// The new password, from a reset link: the token travels in a hidden field, never in the answer.
import Link from "next/link";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { StatusMessage, TextField, primaryButton, type FormState } from "@/modules/admin/components/form-parts";
import { resetForgottenPasswordAction } from "../actions";

export function ResetPasswordForm({ lang, token }: { lang: Lang; token: string }) {
  const m = getMessages(lang).mail.resetPage;
  const { state, pending, formProps } = useFormAction<FormState>(resetForgottenPasswordAction, null);
  if (state?.ok)
    return (
      <div className="max-w-sm space-y-3">
        <StatusMessage state={state} />
        <Link href={`/${lang}/login`} className="text-brand-700 underline">
          {m.signIn}
        </Link>
      </div>
    );
  return (
    <form
      {...formProps}
      noValidate
      className="max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="token" value={token} />
      <TextField
        id="reset-password"
        name="password"
        label={m.password}
        hint={m.hint}
        state={state}
        type="password"
        autoComplete="new-password"
        refill={false}
        required
      />
      <TextField
        id="reset-confirm"
        name="confirm"
        label={m.confirm}
        state={state}
        type="password"
        autoComplete="new-password"
        refill={false}
        required
      />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
        {pending ? m.submitting : m.submit}
      </button>
      <StatusMessage state={state} />
    </form>
  );
}

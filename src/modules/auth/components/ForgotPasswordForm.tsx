"use client";
// Forgot password: one field; the answer is the same whether or not the address has an account.
import Link from "next/link";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { StatusMessage, TextField, primaryButton, type FormState } from "@/modules/admin/components/form-parts";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm({ lang }: { lang: Lang }) {
  const m = getMessages(lang).mail.forgot;
  const { state, pending, formProps } = useFormAction<FormState>(requestPasswordResetAction, null);
  return (
    <form
      {...formProps}
      noValidate
      className="max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <input type="hidden" name="lang" value={lang} />
      <TextField
        id="forgot-email"
        name="email"
        label={m.email}
        state={state}
        type="email"
        autoComplete="username"
        required
      />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
        {pending ? m.submitting : m.submit}
      </button>
      <StatusMessage state={state} />
      <p className="text-sm">
        <Link href={`/${lang}/login`} className="text-brand-700 underline">
          {m.back}
        </Link>
      </p>
    </form>
  );
}

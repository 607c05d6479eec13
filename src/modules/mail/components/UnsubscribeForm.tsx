"use client";
// The unsubscribe link's page asks first: link scanners open links, only a person presses the button.
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { StatusMessage, primaryButton, type FormState } from "@/modules/admin/components/form-parts";
import { unsubscribeAction } from "../actions";

export function UnsubscribeForm({ lang, token }: { lang: Lang; token: string }) {
  const m = getMessages(lang).mail.unsubscribePage;
  const { state, pending, formProps } = useFormAction<FormState>(unsubscribeAction, null);
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="token" value={token} />
      {!state?.ok && (
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? m.submitting : m.submit}
        </button>
      )}
      <StatusMessage state={state} />
    </form>
  );
}

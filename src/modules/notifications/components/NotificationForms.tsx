"use client";
import type { ReactNode } from "react";
import { useFormAction } from "@/components/use-form-action";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import { markAllReadAction, openNotificationAction } from "../actions";

/**
 * A notification's text is the button that opens it: the action marks it read and goes to its
 * item (a form, so it works without script too).
 */
export function OpenNotification({
  id,
  lang,
  label,
  children,
}: {
  id: number;
  lang: string;
  label: string;
  children: ReactNode;
}) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(openNotificationAction, null);
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="lang" value={lang} />
      <button
        type="submit"
        disabled={pending}
        className="text-left text-brand-700 underline hover:text-brand-800 disabled:opacity-60"
        data-testid="open-notification"
      >
        {children}
        <span className="sr-only"> ({label})</span>
      </button>
      {state && !state.ok && <FormFeedback state={state} />}
    </form>
  );
}

export function MarkAllRead({ m }: { m: Messages["notifications"] }) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(markAllReadAction, null);
  return (
    <form {...formProps} className="flex items-center gap-2">
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 disabled:opacity-60"
      >
        {pending ? m.markingAllRead : m.markAllRead}
      </button>
      <FormFeedback state={state} />
    </form>
  );
}

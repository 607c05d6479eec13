import { DEFAULT_LANG } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";

// A loading segment has no params: it says so in both languages, Vietnamese first.
export default function Loading() {
  const vi = getMessages(DEFAULT_LANG).notifications;
  const en = getMessages("en").notifications;
  return (
    <div role="status" aria-live="polite" className="space-y-2" data-testid="notifications-loading">
      <p className="text-sm text-slate-700">
        {vi.loading} <span lang="en">({en.loading})</span>
      </p>
      <div className="h-16 animate-pulse rounded bg-slate-100" />
      <div className="h-16 animate-pulse rounded bg-slate-100" />
    </div>
  );
}

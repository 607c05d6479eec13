import type { Messages } from "@/i18n/messages";

type Doc = { kind: string; inForce: boolean };

/** Kind and legal status as text badges (never colour alone). */
export function DocumentBadges({ doc, m }: { doc: Doc; m: Messages }) {
  return (
    <p className="flex flex-wrap gap-2 text-xs font-medium">
      <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-800">
        {m.doc.kinds[doc.kind as keyof Messages["doc"]["kinds"]]}
      </span>
      {doc.inForce ? (
        <span className="rounded bg-emerald-50 px-2 py-0.5 text-emerald-800">✓ {m.doc.inForce}</span>
      ) : (
        <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">⚠ {m.doc.notInForce}</span>
      )}
    </p>
  );
}

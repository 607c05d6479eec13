"use client";

/** Opens the browser's print dialog (A4 landscape, see the print rules in globals.css). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-700"
      data-testid="print"
    >
      🖨 {label}
    </button>
  );
}

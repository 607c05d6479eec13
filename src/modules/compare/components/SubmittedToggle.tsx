"use client";
import { useEffect, useState } from "react";
import { fetchMe } from "@/components/me";
import { can, type Role } from "@/server/permissions";

/**
 * The comparison form's "values awaiting review too" box, for national reviewers and
 * administrators. The public page is cached without a session, so who is asking is read in the
 * browser (as the header does); the page itself shows such values only after checking the
 * permission on the server (src/modules/compare/policy.ts). `checked`: the server already showed
 * them, so this user may see the box at once.
 */
export function SubmittedToggle({ label, checked }: { label: string; checked: boolean }) {
  const [allowed, setAllowed] = useState(checked);
  useEffect(() => {
    if (checked) return;
    let live = true;
    fetchMe()
      .then((user) => live && setAllowed(can((user as { role?: Role } | null)?.role, "national.read")))
      .catch(() => live && setAllowed(false));
    return () => {
      live = false;
    };
  }, [checked]);
  if (!allowed) return null;
  return (
    <div className="flex items-center gap-2 self-center pt-4 text-sm">
      <input
        type="checkbox"
        id="submitted"
        name="submitted"
        value="1"
        defaultChecked={checked}
        className="h-4 w-4"
        data-testid="compare-submitted-toggle"
      />
      <label htmlFor="submitted">{label}</label>
    </div>
  );
}

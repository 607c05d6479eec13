import { fill, type Messages } from "@/i18n/messages";

type Scope = { scopeKind: string; scopeLevel: string | null; scopeOf: string | null; scopeLabel: string | null };

/** Human label of a target's scope: "Toàn quốc", "Cấp xã", "Từng ngành, lĩnh vực", "Nhóm: …". */
export function scopeText(t: Scope, m: Messages): string {
  switch (t.scopeKind) {
    case "GOV_LEVEL":
      return m.target.scopes[(t.scopeLevel ?? "CENTRAL_PROVINCE") as "CENTRAL_PROVINCE"];
    case "EACH": {
      const of = m.target.eachOf[(t.scopeOf ?? "OTHER") as keyof Messages["target"]["eachOf"]] ?? t.scopeLabel ?? "";
      return fill(m.target.scopes.EACH, { of });
    }
    case "SUBGROUP":
      return fill(m.target.scopes.SUBGROUP, { label: t.scopeLabel ?? "" });
    default:
      return m.target.scopes.NATIONAL;
  }
}

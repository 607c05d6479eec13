// The catalogue forms' choices, in a file of their own: client components import them, and
// schemas.ts reaches server-only code through its zod messages (importing it broke the build).
export const DOCUMENT_KINDS = ["DECISION", "ACTION_PLAN", "STRATEGY", "PROGRAMME", "DRAFT", "PRESS_SUMMARY"] as const;
export const COMPARATORS = ["GTE", "GT", "EQ", "LTE", "LT"] as const;
export const SCOPES = ["NATIONAL", "GOV_LEVEL", "EACH", "SUBGROUP"] as const;
export const DEADLINE_KINDS = ["QUARTER", "YEAR", "PERIOD", "RECURRING", "NONE"] as const;

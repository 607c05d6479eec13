// What notifications are about, and the categories users set preferences for. Shared by the bell,
// the preferences page, the mail job and the unsubscribe links.

export const CATEGORIES = ["review", "deadline", "comment", "queue", "assignment"] as const;
export type Category = (typeof CATEGORIES)[number];

export const KIND_CATEGORY = {
  RETURNED: "review",
  APPROVED: "review",
  REOPENED: "review",
  RESUBMITTED: "queue",
  WAITING: "queue",
  AGENCIES_LATE: "queue",
  PERIOD_OPEN: "deadline",
  DUE_SOON: "deadline",
  OVERDUE: "deadline",
  COMMENT: "comment",
  MENTION: "comment",
  TASK_OWNER: "assignment",
  // The "5 rõ": the named person is reminded of the task's internal deadline.
  TASK_DUE_SOON: "deadline",
  TASK_OVERDUE: "deadline",
} as const satisfies Record<string, Category>;
export type NotificationKind = keyof typeof KIND_CATEGORY;

/**
 * Without a saved preference: deadline reminders are mailed at once (one reminder each), the rest
 * in the agency's daily digest; everything is in the portal.
 */
export function defaultPreference(category: Category): { email: boolean; cadence: "instant" | "daily" } {
  return category === "deadline" ? { email: true, cadence: "instant" } : { email: true, cadence: "daily" };
}

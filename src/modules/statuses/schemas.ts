import { z } from "zod";
import { PILLARS } from "@/lib/enums";
import { MILESTONE_STATUSES } from "@/lib/status";

export const pillarField = z.enum(PILLARS);
export const milestoneStatusField = z.enum(MILESTONE_STATUSES);

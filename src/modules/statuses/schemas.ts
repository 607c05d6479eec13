import { apiParam } from "@/server/api";

// The same fields the open API reads, so a screen's filter and its download accept the same values.
export const pillarField = apiParam.pillar;
export const milestoneStatusField = apiParam.status;

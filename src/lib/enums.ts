// The database's enums, as values for forms, filters and zod schemas. They come from the generated
// Prisma enums (plain constants, no client), so a new pillar or role in prisma/schema.prisma
// reaches every list without a hand-kept copy.
import { AgencyKind, Pillar, Role } from "@/generated/prisma/enums";

export type { AgencyKind, Pillar, Role };

/** In schema order, which is the order pages list them. */
export const PILLARS = Object.values(Pillar) as [Pillar, ...Pillar[]];

export const ROLES = Object.values(Role) as [Role, ...Role[]];

export const AGENCY_KINDS = Object.values(AgencyKind) as [AgencyKind, ...AgencyKind[]];

// The suggester's input (the catalogue) and output (a seed file in the shape of seeds/FORMAT.md,
// plus what the editor must review).
import type { AgenciesFile, AgencySeed, DocumentFile, GroupSeed, IndicatorSeed } from "@/server/seed/schema";

export type SuggestCatalogue = {
  indicators: IndicatorSeed[];
  agencies: AgencySeed[];
  groups: GroupSeed[];
  events: AgenciesFile["events"];
};

export type SuggestOptions = {
  /** The document's key ("411-2022"); derived from its number and date when absent. */
  key?: string;
  /** Its file name under seeds/documents/. */
  sourceFile?: string;
  /**
   * Propose an agency's successor when the registry's events say it was merged or renamed
   * (default true). `false` keeps the agencies as the document names them.
   */
  successors?: boolean;
  /** Follow only the events on or before this day (YYYY-MM-DD); default: every event. */
  asOf?: string;
};

/** Something the editor must check or complete, with where it is. */
export type SuggestWarning = { subject: string; line: number | null; message: string };

export type SeedTarget = DocumentFile["targets"][number];
export type SeedTask = NonNullable<DocumentFile["taskTable"]>["tasks"][number];
export type SeedTaskTable = NonNullable<DocumentFile["taskTable"]>;

export type TargetProposal = {
  target: SeedTarget;
  match: {
    indicator: string;
    /** True when no catalogue indicator matched and `indicator` is a proposed new one. */
    created: boolean;
    score: number;
    alternatives: { code: string; score: number }[];
  };
  /** The threshold as printed ("trên 80%" is printed "80%"; "nhóm 50 nước"). */
  printed: string;
  unit: string;
};

export type Suggestion = {
  document: DocumentFile["document"];
  indicators: IndicatorSeed[];
  targets: SeedTarget[];
  taskTable: SeedTaskTable | null;
  /** How each target's indicator was chosen (not part of the seed format; the importer ignores it). */
  review: { targets: ({ target: string } & Omit<TargetProposal, "target">)[] };
  warnings: SuggestWarning[];
};

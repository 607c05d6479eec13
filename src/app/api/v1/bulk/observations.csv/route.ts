import { corsPreflight, publicCsvStream, publicRoute } from "@/server/api";
import { observationCsvChunks } from "./chunks";

export const dynamic = "force-dynamic";

/** Every approved observation (all indicators, agencies and quarters), streamed in chunks of 5,000 rows. */
export const GET = publicRoute(() => publicCsvStream("observations.csv", observationCsvChunks(5_000)));

export const OPTIONS = corsPreflight;

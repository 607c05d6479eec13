import { openApiSpec } from "@/modules/openapi/spec";
import { corsPreflight, publicJson, publicRoute } from "@/server/api";

/** The OpenAPI 3.1 description of this API. */
export const GET = publicRoute(() => publicJson(openApiSpec));

export const OPTIONS = corsPreflight;

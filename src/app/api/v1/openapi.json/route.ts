import { openApiSpec } from "@/modules/openapi/spec";
import { corsPreflight, publicJson } from "@/server/api";

/** The OpenAPI 3.1 description of this API. */
export function GET() {
  return publicJson(openApiSpec);
}

export const OPTIONS = corsPreflight;

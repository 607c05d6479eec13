import { corsPreflight, publicJson, publicRoute } from "@/server/api";

export const GET = publicRoute(() => {
  return publicJson({
    name: "Viet Nam digital transformation tracker — open data API",
    version: "v1",
    openapi: "/api/v1/openapi.json",
    resources: {
      decisions: "/api/v1/decisions",
      indicators: "/api/v1/indicators",
      statuses: "/api/v1/statuses",
      observations: "/api/v1/observations",
      tasks: "/api/v1/tasks",
      agencies: "/api/v1/agencies",
      figures: "/api/v1/figures",
      sources: "/api/v1/sources",
    },
    downloads: {
      indicators: "/api/v1/bulk/indicators.csv",
      indicatorsJson: "/api/v1/bulk/indicators.json",
      observations: "/api/v1/bulk/observations.csv",
      tasks: "/api/v1/bulk/tasks.csv",
    },
    pagination: "page (from 1) and pageSize (1–500, default 100); follow links.next until it is null",
  });
});

export const OPTIONS = corsPreflight;

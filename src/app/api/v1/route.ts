import { NextResponse } from "next/server";

export function GET() {
  return NextResponse.json(
    {
      name: "Viet Nam digital transformation tracker — open data API",
      version: "v1",
      resources: {
        decisions: "/api/v1/decisions",
        indicators: "/api/v1/indicators",
        tasks: "/api/v1/tasks",
        agencies: "/api/v1/agencies",
      },
      pagination: "page (from 1) and pageSize (1–500, default 100); follow links.next until it is null",
    },
    { headers: { "Access-Control-Allow-Origin": "*" } },
  );
}

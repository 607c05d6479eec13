import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  // The database is reached only from a module's queries/mutations or src/server: never from a
  // page, route handler or component. Type-only imports of generated types and enums are fine.
  {
    files: ["src/app/**/*.{ts,tsx}", "src/**/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@prisma/client",
              message: "Read and write through a module's queries.ts/mutations.ts (or src/server).",
            },
          ],
          patterns: [
            {
              group: ["@/server/db", "@/server/db/*", "**/server/db", "**/server/db/*"],
              message:
                "Read and write through a module's queries.ts/mutations.ts (or src/server), not the database client.",
            },
            {
              group: ["@/generated/prisma", "@/generated/prisma/*", "**/generated/prisma/**"],
              allowTypeImports: true,
              message:
                "Only type imports of the generated Prisma code here; values come from src/lib/enums.ts or a module.",
            },
          ],
        },
      ],
    },
  },
  // Tests read untyped JSON from the API and seed files.
  { files: ["tests/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  {
    ignores: [
      "src/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;

// The process's JSON-lines logger (pino), for the front server to create and share (./logger.ts).
import pino from "pino";
import type { Log } from "./logger";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function createLogger(
  level: (typeof LOG_LEVELS)[number],
  destination?: pino.DestinationStream,
): Log & pino.Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: fields by these names never reach a line, whoever logs them.
      redact: {
        paths: [
          "email",
          "password",
          "cookie",
          "authorization",
          "*.email",
          "*.password",
          "*.cookie",
          "*.authorization",
          "headers.cookie",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

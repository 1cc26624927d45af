// Structured logs (pino). Never log personal data: no emails, names, codes, cookies or IP addresses.
// A request's own lines (the request log, server errors) carry its id, passed explicitly: an
// AsyncLocalStorage that tagged every line cost every request ~8% on Node 20
// (docs/decisions/0026-no-async-local-storage.md).
import pino from "pino";

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "helping-hands" },
      redact: {
        paths: ["email", "*.email", "code", "*.code", "req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(1),
  );
}

export const logger = createLogger();

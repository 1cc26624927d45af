// Structured logs (pino). Never log personal data: no emails, names, codes, cookies or IP addresses.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/**
 * The request being served, so every log line written while serving it carries its id. Kept on
 * globalThis because the server (server/app.ts) and the Remix build each bundle this module.
 */
const globalStore = globalThis as { __hhRequestContext?: AsyncLocalStorage<{ requestId: string }> };
export const requestContext = (globalStore.__hhRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "helping-hands" },
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId } : {};
      },
      redact: {
        paths: ["email", "*.email", "code", "*.code", "req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(1),
  );
}

export const logger = createLogger();

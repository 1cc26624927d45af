// Structured logs (pino). Never log personal data: no emails, names, codes, cookies or IP addresses.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/**
 * The request being served, so every log line written while serving it carries its id. Kept on
 * globalThis because the server (server/app.ts) and the Remix build each bundle this module.
 */
export type RequestContext = {
  requestId: string;
  /** Reads shared by the loaders of one GET (see app/utils/request-memo.server.ts); absent on writes. */
  memo?: Map<string, Promise<unknown>>;
};
const globalStore = globalThis as { __hhRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext = (globalStore.__hhRequestContext ??= new AsyncLocalStorage<RequestContext>());

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

// One log line per request, when its response has been sent (or the client went away first), with the
// request's id, also sent back as X-Request-Id. Path only (query strings can carry tokens); no headers,
// no IP addresses. Written straight onto pino rather than through pino-http, which makes two child
// loggers for every request, logged or not (docs/decisions/0024-fewer-request-copies.md).
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

/** The request's id: set by `requestLog`, read by later middleware and Remix's load context. */
export function requestIdOf(res: Response): string {
  return String(res.locals.requestId);
}

export function requestLog(logger: Logger, { ignore }: { ignore?: (path: string) => boolean } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const path = (req.originalUrl ?? req.url).split("?")[0];
    if (ignore?.(path) || !logger.isLevelEnabled("info")) return next();
    const start = performance.now();
    const line = () => ({ req: { id, method: req.method, path }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - start) });
    const onFinish = () => {
      res.off("close", onClose);
      logger.info(line(), "request completed");
    };
    const onClose = () => {
      res.off("finish", onFinish);
      logger.warn(line(), "request aborted before its response was sent");
    };
    res.once("finish", onFinish);
    res.once("close", onClose);
    next();
  };
}

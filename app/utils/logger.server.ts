// Structured logs (pino). Never log personal data: no emails, names, codes, cookies or IP addresses.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "helping-hands" },
  redact: {
    paths: ["email", "*.email", "code", "*.code", "req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
    censor: "[redacted]",
  },
});

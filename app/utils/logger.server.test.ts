import { describe, expect, it } from "vitest";
import { logLines } from "../../tests/helpers/log-lines";
import { createLogger, requestContext } from "./logger.server";

describe("logger", () => {
  it("tags every line written while serving a request with its id", () => {
    const { lines, sink } = logLines();
    const log = createLogger(sink);
    log.level = "info";
    requestContext.run({ requestId: "req-123" }, () => log.info("inside"));
    log.info("outside");
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-123", service: "helping-hands" });
    expect(lines[1].requestId).toBeUndefined();
  });

  it("redacts personal fields", () => {
    const { lines, sink } = logLines();
    const log = createLogger(sink);
    log.level = "info";
    log.info({ email: "someone@example.org", user: { email: "x@example.org" }, code: "123456" }, "attempt");
    expect(lines[0].email).toBe("[redacted]");
    expect((lines[0].user as { email: string }).email).toBe("[redacted]");
    expect(lines[0].code).toBe("[redacted]");
  });
});

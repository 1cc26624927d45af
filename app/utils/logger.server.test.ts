import { describe, expect, it } from "vitest";
import { logLines } from "../../tests/helpers/log-lines";
import { createLogger } from "./logger.server";

describe("logger", () => {
  it("writes the service's name on every line, and at the level it is given", () => {
    const { lines, sink } = logLines();
    const log = createLogger(sink);
    log.level = "warn";
    log.info("not written");
    log.warn({ requestId: "req-123" }, "written");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "written", requestId: "req-123", service: "helping-hands", level: 40 });
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

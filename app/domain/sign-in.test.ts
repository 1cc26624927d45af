import { describe, expect, it } from "vitest";
import {
  CODE_DIGITS,
  CODE_FORMAT,
  CODE_REQUEST_LIMIT,
  CODE_VALIDITY_MINUTES,
  CODE_VERIFY_LIMIT,
  EMAIL_FORMAT,
  ENTER_CODE,
  ENTER_EMAIL,
  MAX_CODE_TRIES,
  codeExpiresAt,
  codeStatus,
  formatWait,
  isWellFormedCode,
  needsNewCode,
  normaliseCode,
  normaliseEmail,
  retryAfterSeconds,
  safeRedirectTo,
  signInCodeSchema,
  signInRequestSchema,
  triesLeft,
  verifyFailureMessage,
} from "./sign-in";

const T0 = new Date("2026-11-23T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe("the rules", () => {
  it("are 6-digit codes valid 10 minutes with 5 tries, 10 requests per 5 minutes", () => {
    expect(CODE_DIGITS).toBe(6);
    expect(CODE_VALIDITY_MINUTES).toBe(10);
    expect(MAX_CODE_TRIES).toBe(5);
    expect(CODE_REQUEST_LIMIT).toEqual({ points: 10, durationSeconds: 300 });
    expect(CODE_VERIFY_LIMIT.points).toBeGreaterThan(MAX_CODE_TRIES);
  });
});

describe("codeStatus", () => {
  const fresh = { expiresAt: codeExpiresAt(T0), usedAt: null, attempts: 0 };

  it("is usable until 10 minutes have passed, and expired from then", () => {
    expect(codeStatus(fresh, T0)).toBe("usable");
    expect(codeStatus(fresh, new Date(minutes(10).getTime() - 1))).toBe("usable");
    expect(codeStatus(fresh, minutes(10))).toBe("expired");
    expect(codeStatus(fresh, minutes(60))).toBe("expired");
  });

  it("is used once used, whatever the time", () => {
    expect(codeStatus({ ...fresh, usedAt: minutes(1) }, minutes(2))).toBe("used");
    expect(codeStatus({ ...fresh, usedAt: minutes(1) }, minutes(20))).toBe("used");
  });

  it("is dead after 5 tries", () => {
    expect(codeStatus({ ...fresh, attempts: 4 }, T0)).toBe("usable");
    expect(codeStatus({ ...fresh, attempts: 5 }, T0)).toBe("too_many_tries");
  });

  it("counts tries left down to zero, never below", () => {
    expect(triesLeft(0)).toBe(5);
    expect(triesLeft(4)).toBe(1);
    expect(triesLeft(5)).toBe(0);
    expect(triesLeft(9)).toBe(0);
  });
});

describe("normalising input", () => {
  it("compares email addresses without case or surrounding space", () => {
    expect(normaliseEmail("  Alex.Morgan@Council.EXAMPLE ")).toBe("alex.morgan@council.example");
  });

  it("accepts codes typed in groups or pasted with spaces", () => {
    expect(normaliseCode(" 123 456 ")).toBe("123456");
    expect(normaliseCode("123-456")).toBe("123456");
  });

  it.each([
    ["123456", true],
    ["012345", true],
    ["12345", false],
    ["1234567", false],
    ["12345a", false],
    ["１２３４５６", false],
    ["", false],
  ])("%j well formed: %s", (code, ok) => {
    expect(isWellFormedCode(code)).toBe(ok);
  });
});

describe("safeRedirectTo", () => {
  it.each(["/", "/pledges", "/pledges/new?step=2#amount", "/dev/outbox"])("keeps the local path %s", (path) => {
    expect(safeRedirectTo(path)).toBe(path);
  });

  it.each([
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/\t/evil.example",
    "/a\\b",
    `/${"a".repeat(2001)}`,
  ])("sends %j home instead", (value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  it("sends anything that is not a string home", () => {
    expect(safeRedirectTo(null)).toBe("/");
    expect(safeRedirectTo(undefined)).toBe("/");
    expect(safeRedirectTo(["/a"])).toBe("/");
  });
});

describe("waiting", () => {
  it("rounds Retry-After up to whole seconds, at least 1", () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(300_000)).toBe(300);
  });

  it("says how long to wait in whole minutes, rounded up", () => {
    expect(formatWait(1)).toBe("1 minute");
    expect(formatWait(60)).toBe("1 minute");
    expect(formatWait(61)).toBe("2 minutes");
    expect(formatWait(300)).toBe("5 minutes");
  });
});

describe("messages after a failed code", () => {
  it("tells people to check the email, and how many tries are left only when few", () => {
    expect(verifyFailureMessage("wrong_code", 4)).toBe("The code is not right. Enter the code from the email we sent you");
    expect(verifyFailureMessage("wrong_code", 2)).toContain("You have 2 more tries before you need to request a new code");
    expect(verifyFailureMessage("wrong_code", 1)).toContain("You have 1 more try before");
  });

  it("tells people to request a new code when this one cannot work", () => {
    for (const reason of ["expired", "used", "no_code", "too_many_tries"] as const) {
      expect(verifyFailureMessage(reason)).toMatch(/Request a new code$/);
      expect(needsNewCode(reason)).toBe(true);
    }
    expect(needsNewCode("wrong_code")).toBe(false);
  });

  it("says the same for used and expired codes, so neither gives anything away", () => {
    expect(verifyFailureMessage("used")).toBe(verifyFailureMessage("expired"));
    expect(verifyFailureMessage("no_code")).toBe(verifyFailureMessage("expired"));
  });
});

describe("signInRequestSchema", () => {
  it("normalises the email and keeps a safe redirect", () => {
    expect(signInRequestSchema.parse({ email: " Alex@Council.Example ", redirectTo: "/pledges" })).toEqual({
      email: "alex@council.example",
      redirectTo: "/pledges",
    });
    expect(signInRequestSchema.parse({ email: "a@b.example", redirectTo: "//evil.example" }).redirectTo).toBe("/");
    expect(signInRequestSchema.parse({ email: "a@b.example" }).redirectTo).toBe("/");
  });

  it.each([
    [{}, ENTER_EMAIL],
    [{ email: "" }, ENTER_EMAIL],
    [{ email: "   " }, ENTER_EMAIL],
    [{ email: "alex" }, EMAIL_FORMAT],
    [{ email: "alex@" }, EMAIL_FORMAT],
  ])("%j → %s", (input, message) => {
    const result = signInRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["email"], message });
  });
});

describe("signInCodeSchema", () => {
  it("accepts 6 digits, with spaces if typed so", () => {
    expect(signInCodeSchema.parse({ code: "123 456" })).toEqual({ code: "123456" });
  });

  it.each([
    [{}, ENTER_CODE],
    [{ code: "" }, ENTER_CODE],
    [{ code: "  " }, ENTER_CODE],
    [{ code: "12345" }, CODE_FORMAT],
    [{ code: "abcdef" }, CODE_FORMAT],
  ])("%j → %s", (input, message) => {
    const result = signInCodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["code"], message });
  });
});

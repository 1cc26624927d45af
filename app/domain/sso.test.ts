import { describe, expect, it } from "vitest";
import { ROLES } from "~/domain/roles";
import { describeMatch, isStaff, providerErrorStatus, staffMatchFromClaims } from "~/domain/sso";

describe("isStaff", () => {
  it("is every role but young person", () => {
    expect(ROLES.filter((r) => isStaff([r]))).toEqual(["employee", "panel", "finance", "coordinator", "personal_adviser", "admin"]);
    expect(isStaff(["young_person"])).toBe(false);
    expect(isStaff([])).toBe(false);
    expect(isStaff(["young_person", "employee"])).toBe(true);
  });
});

describe("staffMatchFromClaims", () => {
  it("matches by email address, in lower case and trimmed", () => {
    expect(staffMatchFromClaims({ email: " Ada.Lovelace@Council.EXAMPLE " }, "email")).toEqual({
      ok: true,
      match: { by: "email", email: "ada.lovelace@council.example" },
    });
  });

  it("trusts an email without email_verified (Entra ID sends none) but refuses one marked unverified", () => {
    expect(staffMatchFromClaims({ email: "a@b.example", email_verified: true }, "email").ok).toBe(true);
    expect(staffMatchFromClaims({ email: "a@b.example", email_verified: false }, "email")).toEqual({ ok: false, reason: "email_not_verified" });
  });

  it("reads any other claim as the payroll number, a string or a whole number", () => {
    expect(staffMatchFromClaims({ employee_id: " E200009 ", email: "x@y.example" }, "employee_id")).toEqual({
      ok: true,
      match: { by: "payroll_number", payrollNumber: "E200009" },
    });
    expect(staffMatchFromClaims({ employeeid: 42017 }, "employeeid")).toEqual({ ok: true, match: { by: "payroll_number", payrollNumber: "42017" } });
  });

  it("refuses a missing, empty or odd claim rather than guessing", () => {
    for (const claims of [{}, { email: "" }, { email: "   " }, { email: ["a@b.example"] }, { email: null }, { email: 1.5 }]) {
      expect(staffMatchFromClaims(claims, "email")).toEqual({ ok: false, reason: "claim_missing" });
    }
    // No falling back to the email when the payroll claim is configured.
    expect(staffMatchFromClaims({ email: "a@b.example" }, "employee_id")).toEqual({ ok: false, reason: "claim_missing" });
  });
});

describe("describeMatch and providerErrorStatus", () => {
  it("names what the council account gave us", () => {
    expect(describeMatch({ by: "email", email: "a@b.example" })).toBe("a@b.example");
    expect(describeMatch({ by: "payroll_number", payrollNumber: "E1" })).toBe("payroll number E1");
  });

  it("answers a cancelled or refused sign-in with 403 and a broken request with 400", () => {
    expect(providerErrorStatus("access_denied")).toBe(403);
    expect(providerErrorStatus("login_required")).toBe(403);
    expect(providerErrorStatus("invalid_request")).toBe(400);
    expect(providerErrorStatus("server_error")).toBe(400);
  });
});

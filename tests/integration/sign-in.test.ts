// Sign-in by emailed code, on a real database: the code's life, its tries, the shared rate limits,
// no account enumeration, the audit trail, and both mail paths (outbox and SendGrid via a fake server).
import { describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { useFakeSendGrid } from "../helpers/fake-sendgrid";
import { CODE_REQUEST_LIMIT, CODE_VERIFY_LIMIT, MAX_CODE_TRIES } from "~/domain/sign-in";
import { sendEmail } from "~/integrations/mailer.server";
import {
  RateLimited,
  SIGN_IN_AUDIT,
  recordSignOut,
  requestSignInCode,
  verifySignInCode,
} from "~/services/sign-in.server";

useTestDatabase();

const SUBJECT = "Your sign-in code for Helping Hands";
let counter = 0;
/** A fresh address (and IP) per test, so tests do not share rate limits or codes. */
const fresh = () => {
  counter += 1;
  return { email: `person${counter}@council.example`, ip: `10.0.0.${counter}` };
};

async function createUser(email: string) {
  const person = await db().person.create({ data: { firstName: "Test", lastName: `Person ${email}`, email } });
  const user = await db().user.create({ data: { personId: person.id, email, roles: { create: [{ role: "employee" }] } } });
  return user;
}

async function latestCodeFor(email: string): Promise<string> {
  const message = await db().outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const code = message.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no code in the email");
  return code;
}

/** A 6-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
const later = (ms: number) => new Date(Date.now() + ms);

describe("the code", () => {
  it("arrives by email and signs in within 10 minutes, setting lastSignInAt", async () => {
    const { email, ip } = fresh();
    const user = await createUser(email);
    await requestSignInCode({ email, ip });
    const message = await db().outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(message.subject).toBe(SUBJECT);
    expect(message.template).toBe("sign-in-code");
    const code = await latestCodeFor(email);
    expect(message.html).toContain(code);
    for (const body of [message.text, message.html]) {
      expect(body).toContain("10 minutes");
      expect(body).toContain("used once");
      expect(body).toContain("If you did not ask for this code");
    }
    expect(message.html.startsWith("<!DOCTYPE html>")).toBe(true);

    // The code itself is never stored.
    const challenge = await db().signInCode.findFirstOrThrow({ where: { email } });
    expect(JSON.stringify(challenge)).not.toContain(code);

    const at = later(10 * 60_000 - 1_000);
    const result = await verifySignInCode({ email: email.toUpperCase(), code, ip, now: at });
    expect(result).toEqual({ ok: true, userId: user.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(at);
  });

  it("does not work after 10 minutes", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    const result = await verifySignInCode({ email, code, ip, now: later(10 * 60_000 + 1_000) });
    expect(result).toMatchObject({ ok: false, reason: "expired" });
  });

  it("works once only", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    expect(await verifySignInCode({ email, code, ip })).toMatchObject({ ok: true });
    expect(await verifySignInCode({ email, code, ip })).toMatchObject({ ok: false, reason: "used" });
  });

  it("dies after 5 wrong tries, even for the right code", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    for (let i = 1; i < MAX_CODE_TRIES; i++) {
      expect(await verifySignInCode({ email, code: wrong(code), ip })).toEqual({ ok: false, reason: "wrong_code", triesLeft: MAX_CODE_TRIES - i });
    }
    expect(await verifySignInCode({ email, code: wrong(code), ip })).toMatchObject({ ok: false, reason: "too_many_tries" });
    expect(await verifySignInCode({ email, code, ip })).toMatchObject({ ok: false, reason: "too_many_tries" });
  });

  it("still works on the fifth try", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    for (let i = 1; i < MAX_CODE_TRIES; i++) await verifySignInCode({ email, code: wrong(code), ip });
    expect(await verifySignInCode({ email, code, ip })).toMatchObject({ ok: true });
  });

  it("never lets parallel guesses exceed 5 tries", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    const results = await Promise.all(Array.from({ length: 8 }, () => verifySignInCode({ email, code: wrong(code), ip })));
    expect(results.filter((r) => !r.ok && r.reason === "wrong_code").length).toBeLessThanOrEqual(MAX_CODE_TRIES - 1);
    expect((await db().signInCode.findFirstOrThrow({ where: { email } })).attempts).toBe(MAX_CODE_TRIES);
    expect(await verifySignInCode({ email, code, ip })).toMatchObject({ ok: false, reason: "too_many_tries" });
  });

  it("is superseded by a newer request", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const first = await latestCodeFor(email);
    await requestSignInCode({ email, ip });
    const second = await latestCodeFor(email);
    expect(await db().signInCode.count({ where: { email } })).toBe(1);
    // (One time in a million the two codes are the same digits.)
    if (first !== second) expect(await verifySignInCode({ email, code: first, ip })).toMatchObject({ ok: false, reason: "wrong_code" });
    expect(await verifySignInCode({ email, code: second, ip })).toMatchObject({ ok: true });
  });

  it("accepts a code typed with spaces", async () => {
    const { email, ip } = fresh();
    await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    expect(await verifySignInCode({ email, code: `${code.slice(0, 3)} ${code.slice(3)}`, ip })).toMatchObject({ ok: true });
  });

  it("does not sign in a deactivated account, and sends it nothing", async () => {
    const { email, ip } = fresh();
    const user = await createUser(email);
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    await requestSignInCode({ email, ip });
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(0);
  });
});

describe("an unknown email address", () => {
  it("gets the same answer, no email, and a challenge that fails like a real one", async () => {
    const { email, ip } = fresh();
    const before = await db().outboxEmail.count();
    await expect(requestSignInCode({ email, ip })).resolves.toBeUndefined();
    expect(await db().outboxEmail.count()).toBe(before);
    // Exactly what a known address with a wrong code gets: nothing tells the two apart.
    expect(await verifySignInCode({ email, code: "123456", ip })).toEqual({ ok: false, reason: "wrong_code", triesLeft: MAX_CODE_TRIES - 1 });
  });

  it("counts toward the rate limits", async () => {
    const { email } = fresh();
    for (let i = 0; i < CODE_REQUEST_LIMIT.points; i++) await requestSignInCode({ email, ip: `172.16.0.${i}` });
    await expect(requestSignInCode({ email, ip: "172.16.1.1" })).rejects.toBeInstanceOf(RateLimited);
  });
});

describe("rate limits", () => {
  it("refuses the 11th request in 5 minutes for one email, from any IP", async () => {
    const { email } = fresh();
    await createUser(email);
    for (let i = 0; i < CODE_REQUEST_LIMIT.points; i++) await requestSignInCode({ email, ip: `192.168.1.${i}` });
    const err = await requestSignInCode({ email, ip: "192.168.2.1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    const { retryAfterSeconds } = err as RateLimited;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(CODE_REQUEST_LIMIT.durationSeconds);
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(CODE_REQUEST_LIMIT.points);
  });

  it("refuses the 11th request in 5 minutes from one IP, across different emails", async () => {
    const ip = "192.168.50.1";
    for (let i = 0; i < CODE_REQUEST_LIMIT.points; i++) await requestSignInCode({ email: `ip-test-${i}@council.example`, ip });
    const err = await requestSignInCode({ email: "ip-test-new@council.example", ip }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    expect((err as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("holds in the shared database, not in one process's memory", async () => {
    const rows = await db().rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    // Keys are keyed hashes: no email or IP address in the table.
    for (const row of rows) {
      expect(row.key).not.toMatch(/@|\d+\.\d+\.\d+\.\d+/);
    }
  });

  it("refuses code checks from an IP after too many wrong codes", async () => {
    const ip = "192.168.60.1";
    for (let i = 0; i < CODE_VERIFY_LIMIT.points; i++) {
      await verifySignInCode({ email: `guess-${i}@council.example`, code: "000000", ip });
    }
    const err = await verifySignInCode({ email: "guess-last@council.example", code: "000000", ip }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    expect((err as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("does not count right codes against the IP", async () => {
    const ip = "192.168.70.1";
    for (let i = 0; i < CODE_VERIFY_LIMIT.points + 2; i++) {
      const email = `office-${i}@council.example`;
      await createUser(email);
      await requestSignInCode({ email, ip: `10.70.${i}.1` });
      expect(await verifySignInCode({ email, code: await latestCodeFor(email), ip })).toMatchObject({ ok: true });
    }
  });
});

describe("the audit trail", () => {
  it("records requests, sign-ins, failures and sign-outs with no email, code or IP address", async () => {
    const { email, ip } = fresh();
    const user = await createUser(email);
    await requestSignInCode({ email, ip });
    const code = await latestCodeFor(email);
    await verifySignInCode({ email, code: wrong(code), ip });
    await verifySignInCode({ email, code, ip });
    await recordSignOut(user.id);

    const entries = await db().auditLog.findMany({ where: { entityId: user.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.action)).toEqual([
      SIGN_IN_AUDIT.codeRequested,
      SIGN_IN_AUDIT.codeFailed,
      SIGN_IN_AUDIT.signedIn,
      SIGN_IN_AUDIT.signedOut,
    ]);
    expect(entries.find((e) => e.action === SIGN_IN_AUDIT.codeFailed)?.detail).toContain("wrong_code");

    const all = await db().auditLog.findMany();
    for (const entry of all) {
      const text = JSON.stringify(entry);
      expect(text).not.toContain("@");
      expect(text).not.toContain(code);
      expect(text).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
    }
  });
});

describe("the mailer", () => {
  it("writes to the outbox when SendGrid is not configured", async () => {
    await sendEmail({ to: "outbox@council.example", template: "test", subject: "Hello", html: "<p>Hi</p>", text: "Hi" });
    expect(await db().outboxEmail.findFirstOrThrow({ where: { to: "outbox@council.example" } })).toMatchObject({
      template: "test",
      subject: "Hello",
      html: "<p>Hi</p>",
      text: "Hi",
    });
  });

  describe("with SENDGRID_API_KEY set", () => {
    let status = 202;
    const requests = useFakeSendGrid({ status: () => status });

    it("sends to, from, subject and both bodies to SendGrid, and nothing to the outbox", async () => {
      requests.length = 0;
      const before = await db().outboxEmail.count();
      await sendEmail({ to: "sg@council.example", template: "test", subject: "Subject line", html: "<p>HTML body</p>", text: "Text body" });
      expect(requests).toHaveLength(1);
      const [req] = requests;
      expect(req.method).toBe("POST");
      expect(req.url).toBe("/v3/mail/send");
      expect(req.authorization).toBe("Bearer SG.test-key");
      expect(req.body).toMatchObject({
        from: { email: "helping-hands@council.example" },
        subject: "Subject line",
        personalizations: [{ to: [{ email: "sg@council.example" }] }],
        content: [
          { type: "text/plain", value: "Text body" },
          { type: "text/html", value: "<p>HTML body</p>" },
        ],
      });
      expect(await db().outboxEmail.count()).toBe(before);
    });

    it("sends the sign-in code email through SendGrid", async () => {
      requests.length = 0;
      const { email, ip } = fresh();
      await createUser(email);
      await requestSignInCode({ email, ip });
      expect(requests).toHaveLength(1);
      const body = requests[0].body as { subject: string; content: { value: string }[]; personalizations: { to: { email: string }[] }[] };
      expect(body.subject).toBe(SUBJECT);
      expect(body.personalizations[0].to[0].email).toBe(email);
      const code = body.content[0].value.match(/\b(\d{6})\b/)?.[1];
      expect(code).toBeDefined();
      expect(await verifySignInCode({ email, code: code!, ip })).toMatchObject({ ok: true });
    });

    it("fails loudly, without the message's contents, when SendGrid refuses", async () => {
      status = 400;
      try {
        const err = await sendEmail({ to: "refused@council.example", template: "test", subject: "S", html: "<p>123456</p>", text: "123456" }).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message).toContain("400");
        expect((err as Error).message).not.toContain("refused@council.example");
      } finally {
        status = 202;
      }
    });
  });
});

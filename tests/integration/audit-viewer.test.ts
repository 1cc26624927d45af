// The administrator's audit log viewer: every filter, UK days, newest first, paging; read only, in the
// viewer and everywhere else in the app.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { AUDIT_PAGE_SIZE, auditLogPage, parseAuditQuery, type AuditQuery } from "~/services/audit-viewer.server";

useTestDatabase();

let admin: TestUser;
let finance: TestUser;
let server: TestServer;

const query = (q: Partial<AuditQuery> = {}): AuditQuery => ({
  action: undefined,
  entityType: undefined,
  entityId: undefined,
  actor: undefined,
  from: undefined,
  to: undefined,
  page: 1,
  ...q,
});

beforeAll(async () => {
  admin = await makeUser("Robin", ["admin"]);
  finance = await makeUser("Fin", ["finance"]);
  const rows = [
    // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST).
    { at: new Date("2026-06-30T23:30:00Z"), actorUserId: finance.userId, actorRole: "finance", action: "payroll_file.download", entityType: "PayPeriod", entityId: "period-1" },
    { at: new Date("2026-06-30T22:30:00Z"), actorUserId: finance.userId, actorRole: "finance", action: "reconciliation.upload", entityType: "PayPeriod", entityId: "period-1" },
    { at: new Date("2026-07-02T09:00:00Z"), actorUserId: admin.userId, actorRole: "admin", action: "person.exported", entityType: "Person", entityId: "person-1" },
    { at: new Date("2026-07-03T09:00:00Z"), actorUserId: null, actorRole: null, action: "dbs_check.purged", entityType: "DbsCheck", entityId: "dbs-1" },
  ];
  for (const r of rows) await db().auditLog.create({ data: r });
  // A long history for paging: one a minute through 2 January.
  await db().auditLog.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 2, 0, i)), actorUserId: finance.userId, actorRole: "finance", action: "ledger.allocate", entityType: "LedgerTransaction", entityId: `tx-${i}` })),
  });
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("auditLogPage", () => {
  it("lists everything newest first, with the actor's email address", async () => {
    const page = await auditLogPage(query());
    expect(page.total).toBe(124);
    expect(page.rows[0]).toMatchObject({ action: "dbs_check.purged", actorEmail: null });
    expect(page.rows[1]).toMatchObject({ action: "person.exported", actorEmail: admin.email, actorRole: "admin" });
    const times = page.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.actions).toEqual(["dbs_check.purged", "ledger.allocate", "payroll_file.download", "person.exported", "reconciliation.upload"]);
    expect(page.entityTypes).toContain("PayPeriod");
  });

  it("filters by action, record type and record id", async () => {
    expect((await auditLogPage(query({ action: "person.exported" }))).rows.map((r) => r.entityId)).toEqual(["person-1"]);
    expect((await auditLogPage(query({ entityType: "PayPeriod" }))).total).toBe(2);
    expect((await auditLogPage(query({ entityType: "PayPeriod", action: "reconciliation.upload" }))).total).toBe(1);
    expect((await auditLogPage(query({ entityId: "tx-7" }))).rows.map((r) => r.action)).toEqual(["ledger.allocate"]);
  });

  it("filters by the actor's email address (any case) or user id", async () => {
    expect((await auditLogPage(query({ actor: admin.email.toUpperCase() }))).total).toBe(1);
    expect((await auditLogPage(query({ actor: finance.userId }))).total).toBe(122);
    expect((await auditLogPage(query({ actor: "nobody@test.example" }))).total).toBe(0);
  });

  it("filters by whole UK days", async () => {
    const july1 = await auditLogPage(query({ from: "2026-07-01", to: "2026-07-01" }));
    expect(july1.rows.map((r) => r.action)).toEqual(["payroll_file.download"]);
    expect((await auditLogPage(query({ to: "2026-06-30" }))).rows.map((r) => r.action)).toContain("reconciliation.upload");
    expect((await auditLogPage(query({ to: "2026-06-30" }))).rows.map((r) => r.action)).not.toContain("payroll_file.download");
    expect((await auditLogPage(query({ from: "2026-07-02" }))).total).toBe(2);
  });

  it("pages on the server", async () => {
    const q = { action: "ledger.allocate" };
    const first = await auditLogPage(query(q));
    expect(first).toMatchObject({ total: 120, page: 1, pageCount: 3 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0].entityId).toBe("tx-119");
    const third = await auditLogPage(query({ ...q, page: 3 }));
    expect(third.rows.map((r) => r.entityId)).toEqual(Array.from({ length: 20 }, (_, i) => `tx-${19 - i}`));
    expect((await auditLogPage(query({ ...q, page: 99 }))).page).toBe(3);
  });
});

describe("parseAuditQuery", () => {
  it("reads the filters and rejects days that are not real or in the wrong order", () => {
    const ok = parseAuditQuery(new URLSearchParams({ action: "person.exported", from: "2026-03-01", to: "2026-03-31", page: "2" }));
    expect(ok.ok && ok.query).toMatchObject({ action: "person.exported", from: "2026-03-01", to: "2026-03-31", page: 2 });
    expect(parseAuditQuery(new URLSearchParams({ page: "-4" }))).toMatchObject({ ok: true, query: { page: 1 } });
    expect(parseAuditQuery(new URLSearchParams({ to: "2026-13-01" }))).toMatchObject({ ok: false, errors: { to: expect.stringMatching(/real date/) } });
    expect(parseAuditQuery(new URLSearchParams({ from: "2026-02-30" }))).toMatchObject({ ok: false, errors: { from: expect.stringMatching(/real date/) } });
    expect(parseAuditQuery(new URLSearchParams({ from: "2026-03-02", to: "2026-03-01" }))).toMatchObject({ ok: false, errors: { to: expect.stringMatching(/after/) } });
  });
});

describe("the audit log is read only", () => {
  it("has no code in the app, jobs or seed that changes or deletes an entry", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== "generated") walk(p);
        } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
      }
    };
    for (const dir of ["app", "scripts", "server", "prisma"]) walk(path.resolve(dir));
    expect(files.length).toBeGreaterThan(50);
    const writers = /auditLog\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE\s+FROM)\s+"?AuditLog"?/i;
    expect(files.filter((f) => writers.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });

  it("serves the page to an administrator with GET filters only, and explains a bad day", async () => {
    const cookie = await sessionCookieFor(admin.email);
    const res = await fetch(`${server.baseUrl}/admin/audit?action=person.exported`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("person-1");
    expect(html).not.toContain("tx-119");
    // The only form that posts is the header's sign-out button.
    const posting = [...html.matchAll(/<form[^>]*method="post"[^>]*>/gi)].map((m) => m[0]);
    expect(posting.filter((f) => !f.includes('action="/sign-out"'))).toEqual([]);
    const bad = await fetch(`${server.baseUrl}/admin/audit?from=2026-13-01`, { headers: { Cookie: cookie } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("The from date must be a real date");
    const financeCookie = await sessionCookieFor(finance.email);
    expect((await fetch(`${server.baseUrl}/admin/audit`, { headers: { Cookie: financeCookie } })).status).toBe(403);
  });
});

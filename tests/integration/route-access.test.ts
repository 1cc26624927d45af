// Every route of the app × every kind of visitor → the expected answer.
// Adding a route without a line in ACCESS fails this test: say who may use it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { DEMO_ACCOUNTS, type DemoKey } from "../../prisma/demo-accounts";
import type { Role } from "~/domain/roles";

type Visitor = "anonymous" | DemoKey;
const VISITORS: Visitor[] = ["anonymous", ...DEMO_ACCOUNTS.map((a) => a.key)];

/** 200 page, "sign-in" redirect to sign-in, 403 forbidden, 404, or "redirect:/path". */
type Answer = 200 | 403 | 404 | "sign-in" | `redirect:${string}`;
type Rule = { path?: string; answers: Record<Visitor, Answer> };

const everyone = (answer: Answer): Record<Visitor, Answer> =>
  Object.fromEntries(VISITORS.map((v) => [v, answer])) as Record<Visitor, Answer>;

const roleOf = (v: Visitor): readonly Role[] => (v === "anonymous" ? [] : DEMO_ACCOUNTS.find((a) => a.key === v)!.roles);

const PUBLIC: Rule = { answers: everyone(200) };
/** Signed-in users whose roles include one of `roles`; others 403; anonymous to sign-in. */
const only = (...roles: Role[]): Rule => ({
  answers: Object.fromEntries(
    VISITORS.map((v) => [v, v === "anonymous" ? "sign-in" : roleOf(v).some((r) => roles.includes(r)) ? 200 : 403]),
  ) as Record<Visitor, Answer>,
});

let financePeriodId = "";
const ACCESS: Record<string, Rule> = {
  "routes/_index": PUBLIC,
  "routes/accessibility": PUBLIC,
  // A constant page: the page benchmark's baseline (bench/pages.bench.ts).
  "routes/ping": PUBLIC,
  "routes/privacy": PUBLIC,
  // The privacy notice for each audience (issue 10), built from the data inventory; an unknown audience is 404.
  "routes/privacy_.$audience": { path: "/privacy/young-people", answers: everyone(200) },
  "routes/sign-in": PUBLIC,
  // Without a pending sign-in there is no code to enter.
  "routes/sign-in_.code": { answers: everyone("redirect:/sign-in") },
  // POST only; a GET goes home.
  "routes/sign-out": { answers: everyone("redirect:/") },
  // Staff single sign-on: not found unless OIDC_ISSUER is set (it is not here; tests/integration/oidc.test.ts covers it).
  "routes/sign-in_.sso": { answers: everyone(404) },
  "routes/sign-in_.sso_.callback": { path: "/sign-in/sso/callback", answers: everyone(404) },
  // The demo outbox is public while emails are not sent (that is how the demo signs in).
  "routes/dev.outbox._index": PUBLIC,
  "routes/dev.outbox.$id": { path: "/dev/outbox/no-such-message", answers: everyone(404) },
  // Template previews: development only, like the outbox (not found with real email; see stripe-webhook/mailer tests).
  "routes/dev.emails._index": PUBLIC,
  "routes/dev.emails.$template": { path: "/dev/emails/donation-receipt", answers: everyone(200) },
  "routes/dev.emails.$template_.html": { path: "/dev/emails/donation-receipt/html", answers: everyone(200) },
  // Employee giving (issue 4). Alex (employee) has no pledge; Sam (employee2) has an active one (seed).
  // A step that needs earlier answers, or an action the pledge does not allow, sends the employee back.
  "routes/giving._index": only("employee"),
  "routes/giving.pledge.amount": { answers: { ...only("employee").answers, employee2: "redirect:/giving" } },
  "routes/giving.pledge.message": { answers: { ...only("employee").answers, employee: "redirect:/giving/pledge/amount", employee2: "redirect:/giving" } },
  "routes/giving.pledge.check": { answers: { ...only("employee").answers, employee: "redirect:/giving/pledge/amount", employee2: "redirect:/giving" } },
  "routes/giving.pledge.done": { answers: { ...only("employee").answers, employee: "redirect:/giving" } },
  "routes/giving.amend._index": { answers: { ...only("employee").answers, employee: "redirect:/giving" } },
  "routes/giving.amend.check": { answers: { ...only("employee").answers, employee: "redirect:/giving", employee2: "redirect:/giving/amend" } },
  "routes/giving.pause._index": { answers: { ...only("employee").answers, employee: "redirect:/giving" } },
  "routes/giving.pause.check": { answers: { ...only("employee").answers, employee: "redirect:/giving", employee2: "redirect:/giving/pause" } },
  "routes/giving.resume": { answers: { ...only("employee").answers, employee: "redirect:/giving", employee2: "redirect:/giving" } },
  "routes/giving.stop": { answers: { ...only("employee").answers, employee: "redirect:/giving" } },
  "routes/giving.done": { answers: { ...only("employee").answers, employee: "redirect:/giving" } },
  // Reconciliation (issue 4): finance only; an unknown period is 404 for finance (others never learn it).
  "routes/finance.periods.$periodId_.reconcile": { path: "/finance/periods/no-such-period/reconcile", answers: { ...only("finance").answers, finance: 404 } },
  "routes/finance.periods.$periodId_.reconcile.expected[.csv]": {
    path: "/finance/periods/no-such-period/reconcile/expected.csv",
    answers: { ...only("finance").answers, finance: 404 },
  },
  // Payroll files (issue 4): finance only. The period page is visited at a real period (financePeriodId, set after the seed).
  "routes/finance._index": only("finance"),
  "routes/finance.periods._index": only("finance"),
  "routes/finance.periods.$periodId": { ...only("finance"), get path() { return `/finance/periods/${financePeriodId}`; } },
  // Downloads are POSTs; a GET goes back to the period page.
  "routes/finance.periods.$periodId_.download": { path: "/finance/periods/no-such-period/download", answers: { ...only("finance").answers, finance: "redirect:/finance/periods/no-such-period" } },
  // Card payments (issue 5): the Stripe webhook is served ahead of Remix (server/app.ts), tested below.
  // The local test checkout is public without Stripe keys; an unknown session is 404.
  "routes/dev.checkout.$sessionId": { path: "/dev/checkout/cs_local_no_such_session", answers: everyone(404) },
  // Gift Aid (issue 5): the claim schedule is finance only; its export is a POST (a GET goes back to the page).
  "routes/finance.gift-aid": only("finance"),
  "routes/finance.gift-aid_.export": { answers: { ...only("finance").answers, finance: "redirect:/finance/gift-aid" } },
  // A claim's page (recording HMRC's payment): finance only; an unknown claim is 404 for finance.
  "routes/finance.gift-aid_.claims.$claimId": { path: "/finance/gift-aid/claims/no-such-claim", answers: { ...only("finance").answers, finance: 404 } },
  // The donor's cancel link is public, but without a valid token (here a made-up id and none) it is 404.
  "routes/gift-aid.cancel.$declarationId": { path: "/gift-aid/cancel/no-such-declaration?token=made-up", answers: everyone(404) },
  // Campaigns and the donate journey (issue 5): public; the coordinator manages campaigns. A donate step
  // that needs earlier answers goes back to the start; an unknown campaign or gift reference is 404.
  "routes/campaigns._index": PUBLIC,
  "routes/campaigns.$slug": { path: "/campaigns/a-book-for-each-child-in-our-care", answers: everyone(200) },
  "routes/coordinator.campaigns._index": only("coordinator"),
  "routes/coordinator.campaigns.$id": { path: "/coordinator/campaigns/new", ...only("coordinator") },
  "routes/donate._index": PUBLIC,
  "routes/donate.details": { answers: everyone("redirect:/donate") },
  "routes/donate.gift-aid": { answers: everyone("redirect:/donate") },
  "routes/donate.declaration": { answers: everyone("redirect:/donate") },
  "routes/donate.check": { answers: everyone("redirect:/donate") },
  "routes/donate.thank-you.$reference": { path: "/donate/thank-you/HH-NOSUCH", answers: everyone(404) },
  // Applications (issue 6): the support page is public; terms, queue and screening are the coordinator's; young people
  // and advisers list and start applications; one application's pages are 404 to anyone but its applicants (here: unknown).
  "routes/support": PUBLIC,
  "routes/coordinator.terms._index": only("coordinator"),
  "routes/coordinator.terms.new": only("coordinator"),
  "routes/coordinator.applications._index": only("coordinator"),
  "routes/coordinator.applications.$id": { path: "/coordinator/applications/no-such-application", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/applications._index": only("young_person", "personal_adviser"),
  "routes/applications.new": only("young_person", "personal_adviser"),
  ...Object.fromEntries(
    ["_index", "purpose", "amount", "why", "entitlement", "check", "sent", "withdraw"].map((page) => [
      `routes/applications.$id.${page}`,
      { path: `/applications/no-such-application${page === "_index" ? "" : `/${page}`}`, answers: { ...everyone(404), anonymous: "sign-in" as const } },
    ]),
  ),
  // Applications (issue 6): paying awards (finance; the coordinator may open an award to cancel it), follow-ups
  // (the applicant only: anyone else, and an unknown application, is 404), stories (coordinator), the public impact page.
  "routes/finance.awards._index": only("finance"),
  "routes/finance.awards.$id": { path: "/finance/awards/no-such-award", answers: { ...only("finance", "coordinator").answers, finance: 404, coordinator: 404 } },
  "routes/applications.$id_.follow-up": { path: "/applications/no-such-application/follow-up", answers: { ...everyone(404), anonymous: "sign-in" } },
  "routes/coordinator.follow-ups._index": only("coordinator"),
  "routes/coordinator.follow-ups.$id": { path: "/coordinator/follow-ups/no-such-follow-up", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/impact": PUBLIC,
  // Applications (issue 6): the panel (panel members only; an unknown application or meeting is 404 for them).
  "routes/panel._index": only("panel"),
  "routes/panel.applications.$id": { path: "/panel/applications/no-such-application", answers: { ...only("panel").answers, panel: 404 } },
  "routes/panel.meetings._index": only("panel"),
  "routes/panel.meetings.$id": { path: "/panel/meetings/no-such-meeting", answers: { ...only("panel").answers, panel: 404 } },
  "routes/panel.meetings.$id_.minutes": { path: "/panel/meetings/no-such-meeting/minutes", answers: { ...only("panel").answers, panel: 404 } },
  "routes/panel.meetings.$id_.minutes[.csv]": { path: "/panel/meetings/no-such-meeting/minutes.csv", answers: { ...only("panel").answers, panel: 404 } },
  // Giving Time (issue 7): hours and feedback. A link is its volunteer's (employees), the coordinator's, and for feedback the
  // young person's or their adviser's; an unknown link or request is 404 for them.
  "routes/giving-time.links.$id": { path: "/giving-time/links/no-such-link", answers: { ...only("employee").answers, employee: 404, employee2: 404 } },
  "routes/coordinator.talent.hours": only("coordinator"),
  "routes/coordinator.talent.links.$id": { path: "/coordinator/talent/links/no-such-link", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/help.$id.feedback": { path: "/help/no-such-request/feedback", answers: { ...only("young_person", "personal_adviser").answers, young_person: 404, personal_adviser: 404 } },
  // Giving Time (issue 7): the Talent Network search, requests and their short-list/linking, DBS records: coordinator only.
  "routes/coordinator.talent._index": only("coordinator"),
  "routes/coordinator.talent.requests._index": only("coordinator"),
  "routes/coordinator.talent.requests.$id": { path: "/coordinator/talent/requests/no-such-request", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/coordinator.talent.dbs": only("coordinator"),
  // Mentoring (issue 8): matching a cohort is the coordinator's; a pair is its mentor's, young person's, linked adviser's
  // and the coordinator's. An unknown cohort or pair is 404 for them.
  "routes/coordinator.mentoring.$id.matching": { path: "/coordinator/mentoring/no-such-cohort/matching", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/mentoring.pairs.$id._index": {
    path: "/mentoring/pairs/no-such-pair",
    answers: { ...only("employee", "coordinator", "young_person", "personal_adviser").answers, employee: 404, employee2: 404, coordinator: 404, young_person: 404, personal_adviser: 404 },
  },
  // Mentoring (issue 8): the cohorts, a cohort and a mentor application are the coordinator's; unknown ones are 404 for them.
  "routes/coordinator.mentoring._index": only("coordinator"),
  "routes/coordinator.mentoring.new": only("coordinator"),
  "routes/coordinator.mentoring.$id._index": { path: "/coordinator/mentoring/no-such-cohort", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/coordinator.mentoring.$id.mentors.$appId": {
    path: "/coordinator/mentoring/no-such-cohort/mentors/no-such-application",
    answers: { ...only("coordinator").answers, coordinator: 404 },
  },
  // Giving Time (issue 7): offers and groups are employees'; requests are young people's and advisers'. An offer is its
  // maker's and a request its young person's and adviser's: unknown (or anyone else's) is 404.
  "routes/giving-time._index": only("employee"),
  "routes/giving-time.offer.new": only("employee"),
  "routes/giving-time.groups.new": only("employee"),
  "routes/giving-time.offer.$id._index": { path: "/giving-time/offer/no-such-offer", answers: { ...only("employee").answers, employee: 404, employee2: 404 } },
  "routes/giving-time.offer.$id.withdraw": { path: "/giving-time/offer/no-such-offer/withdraw", answers: { ...only("employee").answers, employee: 404, employee2: 404 } },
  "routes/help._index": only("young_person", "personal_adviser"),
  "routes/help.new": only("young_person", "personal_adviser"),
  "routes/help.$id._index": { path: "/help/no-such-request", answers: { ...everyone(404), anonymous: "sign-in" } },
  // Mentoring (issue 8): the home is employees', young people's and advisers' (a section per role); applying is employees';
  // a profile is the young person's or their adviser's. An unknown cohort is 404 for them.
  "routes/mentoring._index": only("employee", "young_person", "personal_adviser"),
  "routes/mentoring.$cohortId.apply": { path: "/mentoring/no-such-cohort/apply", answers: { ...only("employee").answers, employee: 404, employee2: 404 } },
  "routes/mentoring.$cohortId.profile": { path: "/mentoring/no-such-cohort/profile", answers: { ...only("young_person", "personal_adviser").answers, young_person: 404, personal_adviser: 404 } },
  // Mentoring (issue 8): a pair's sessions are its mentor's, young person's, adviser's and the coordinator's; a concern is
  // its mentor's (employees); the survey is for mentors, young people and advisers; the report is the coordinator's.
  // Unknown pairs and cohorts are 404 for those roles.
  "routes/mentoring.pairs.$id.sessions": {
    path: "/mentoring/pairs/no-such-pair/sessions",
    answers: { ...only("employee", "coordinator", "young_person", "personal_adviser").answers, employee: 404, employee2: 404, coordinator: 404, young_person: 404, personal_adviser: 404 },
  },
  "routes/mentoring.pairs.$id.concern": { path: "/mentoring/pairs/no-such-pair/concern", answers: { ...only("employee").answers, employee: 404, employee2: 404 } },
  "routes/mentoring.$cohortId.survey": {
    path: "/mentoring/no-such-cohort/survey",
    answers: { ...only("employee", "young_person", "personal_adviser").answers, employee: 404, employee2: 404, young_person: 404, personal_adviser: 404 },
  },
  "routes/coordinator.mentoring.$id.report": { path: "/coordinator/mentoring/no-such-cohort/report", answers: { ...only("coordinator").answers, coordinator: 404 } },
  "routes/coordinator.mentoring.$id.report[.csv]": { path: "/coordinator/mentoring/no-such-cohort/report.csv", answers: { ...only("coordinator").answers, coordinator: 404 } },
  // Impact (issue 9): "Your account" is every signed-in user's; "My impact" is employees'; the digest's unsubscribe link is
  // public, but without a valid token (here a made-up user and token) it is 404.
  "routes/account": { answers: { ...everyone(200), anonymous: "sign-in" } },
  "routes/giving.impact": only("employee"),
  "routes/digest.unsubscribe.$userId": { path: "/digest/unsubscribe/no-such-user?token=made-up", answers: everyone(404) },
  // The Corporate Parenting Board report (issue 9) and its CSV: coordinator and finance (default months: the last full quarter).
  "routes/reports.board": only("coordinator", "finance"),
  "routes/reports.board[.csv]": only("coordinator", "finance"),
  // Privacy (issue 10): the admin pages (people, one person, their subject access exports, the audit log) are admins'
  // only; an unknown person is 404 for them. Everyone signed in can see and download their own data.
  "routes/admin._index": only("admin"),
  "routes/admin.people._index": only("admin"),
  "routes/admin.people.$personId._index": { path: "/admin/people/no-such-person", answers: { ...only("admin").answers, admin: 404 } },
  "routes/admin.people.$personId.export": { path: "/admin/people/no-such-person/export", answers: { ...only("admin").answers, admin: 404 } },
  "routes/admin.people.$personId.export[.json]": { path: "/admin/people/no-such-person/export.json", answers: { ...only("admin").answers, admin: 404 } },
  "routes/admin.audit": only("admin"),
  // Erasure (issue 10): admins only; an unknown person is 404 for them.
  "routes/admin.people.$personId.erase": { path: "/admin/people/no-such-person/erase", answers: { ...only("admin").answers, admin: 404 } },
  "routes/account_.export": { answers: { ...everyone(200), anonymous: "sign-in" } },
  "routes/account_.export[.json]": { answers: { ...everyone(200), anonymous: "sign-in" } },
};

useTestDatabase();
let server: TestServer;
const cookies = new Map<Visitor, string>();

beforeAll(async () => {
  await seed(db(), { employees: 0, demoPledges: true });
  financePeriodId = (await db().payPeriod.findFirstOrThrow({ orderBy: { startsOn: "asc" } })).id;
  server = await startTestServer();
  for (const account of DEMO_ACCOUNTS) cookies.set(account.key, await sessionCookieFor(account.email));
});
afterAll(() => server?.close());

function urlPathOf(routeId: string): string {
  const routes = server.build.routes;
  const parts: string[] = [];
  for (let r = routes[routeId]; r; r = r.parentId ? routes[r.parentId] : undefined!) {
    if (r.path) parts.unshift(r.path);
  }
  return "/" + parts.join("/");
}

describe("route × role access", () => {
  it("has a rule for every route, and no rule for a route that is gone", () => {
    const ids = Object.keys(server.build.routes).filter((id) => id !== "root");
    expect(ids.filter((id) => !(id in ACCESS)), "routes without an access rule").toEqual([]);
    expect(Object.keys(ACCESS).filter((id) => !ids.includes(id)), "rules for routes that do not exist").toEqual([]);
  });

  const cases = Object.entries(ACCESS).flatMap(([id, rule]) => VISITORS.map((v) => [id, v, rule] as const));
  it.each(cases)("%s as %s", async (id, visitor, rule) => {
    const path = rule.path ?? urlPathOf(id);
    expect(path, `route ${id} has a dynamic segment: give its rule a path`).not.toMatch(/[:*]/);
    const headers: Record<string, string> = {};
    const cookie = cookies.get(visitor);
    if (cookie) headers.Cookie = cookie;
    const res = await fetch(server.baseUrl + path, { headers, redirect: "manual" });
    const expected = rule.answers[visitor];
    if (expected === "sign-in") {
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    } else if (typeof expected === "string") {
      expect([301, 302, 303]).toContain(res.status);
      expect(res.headers.get("location")).toBe(expected.slice("redirect:".length));
    } else {
      expect(res.status).toBe(expected);
    }
  });
});

// Served by Express ahead of Remix, so not in the build's routes: public, but only for signed deliveries.
describe("the Stripe webhook × every visitor", () => {
  it.each(VISITORS)("as %s: GET is 404, an unsigned POST is 400", async (visitor) => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const cookie = cookies.get(visitor);
    if (cookie) headers.Cookie = cookie;
    expect((await fetch(`${server.baseUrl}/webhooks/stripe`, { headers })).status).toBe(404);
    const res = await fetch(`${server.baseUrl}/webhooks/stripe`, { method: "POST", headers, body: JSON.stringify({ id: "evt_x", type: "checkout.session.completed" }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Stripe-Signature/);
  });
});

// The mentoring pilot end to end (issue 8), on the demo's two cohorts (prisma/seed-mentoring.ts).
// Spring pilot (recruiting): Alex applies to mentor; the coordinator shortlists him, records the
// interview and selects him; his training and DBS gates fail until the coordinator records the three
// training modules, and then only the DBS check is left. Winter pilot (matching): Jordan corrects his
// profile (entered by his adviser), and his adviser sees the change; the coordinator matches the cohort
// (scores that add up, Alex not ready without a DBS check, one pair ruled out and gone), confirms and
// both sides are emailed first names only; Ben logs a session with Jordan, who sees its date but not
// the note; Ben raises a safeguarding concern, which is emailed and not shown back; Jordan says "not
// a good fit", the pair ends and is never proposed again; the cohort closes, both sides of a closed
// pair answer the survey, and the report shows the small numbers suppressed and downloads as CSV.
// Every page passes axe.
import { afterAll, describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { createPrismaClient } from "~/db.server";
import { arrive, checkA11y, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const main = (page: Page) => page.getByRole("main");
const db = createPrismaClient(inject("databaseUrl"));
afterAll(async () => {
  await db.$disconnect();
});

const COORDINATOR = "coordinator@council.example";
const ALEX = "alex.morgan@council.example";
const JORDAN = "jordan@young.example";
const ADVISER = "pa.khan@council.example";
const BEN = "ben.carter@council.example";
const JO = "jo.hughes@council.example";
const RILEY = "riley.evans@young.example";

// The demo's fixed ids (prisma/seed-mentoring.ts, DEMO_MENTORING_IDS).
const SPRING = "seed-cohort-spring";
const WINTER = "seed-cohort-winter";

const TRAINING = ["The mentoring pilot's induction", "Safeguarding children and young adults", "Boundaries, confidentiality and endings"];
const DBS_PROBLEM = "no clear Enhanced DBS check with the children's barred list, needed to mentor young people aged 16 to 17";

const SESSION_NOTE = "Went through a CV for the bike shop job and booked a first driving lesson.";
const CONCERN = "Jordan said his landlord has threatened to change the locks this weekend.";

/** The fieldset (radios or checkboxes) with this legend. */
const group = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true });

/** The row of a table that holds `text`. */
const rowOf = (scope: Locator, text: string) => scope.getByRole("row").filter({ hasText: text });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A UK day `days` from today, as a date input's day, month and year. */
function ukDay(days = 0): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(
    new Date(Date.now() + days * 86_400_000),
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("day"), month: part("month"), year: part("year") };
}

/** Fills a GOV.UK date input (the group named `legend`). */
async function fillDate(page: Page, legend: string, d: { day: string; month: string; year: string }): Promise<void> {
  const when = group(page, legend);
  await when.getByLabel("Day", { exact: true }).fill(d.day);
  await when.getByLabel("Month", { exact: true }).fill(d.month);
  await when.getByLabel("Year", { exact: true }).fill(d.year);
}

/** Opens the newest outbox message with this subject to this person and returns its text. */
async function readEmail(page: Page, subject: string, to: string): Promise<string> {
  await visit(page, "/dev/outbox");
  await seen(page.getByRole("heading", { level: 1, name: "Outbox" }));
  await main(page).getByRole("link", { name: `${subject} to ${to}`, exact: true }).first().click();
  await arrive(page, /\/dev\/outbox\/[^/]+$/, subject);
  return page.getByTestId("email-text").innerText();
}

type ProposedPair = { title: string; score: number; parts: { points: number; max: number }[]; total: { score: number; max: number } };

/** The proposed pairs on the matching page, read from their headings and score tables. */
async function proposedPairs(page: Page): Promise<ProposedPair[]> {
  const pairs: ProposedPair[] = [];
  for (const item of await page.getByTestId("pair").all()) {
    const heading = (await item.getByRole("heading", { level: 3 }).innerText()).trim();
    const match = /^(.+ with .+): (\d+) points( \(locked\))?$/.exec(heading);
    if (!match) throw new Error(`unexpected pair heading: ${heading}`);
    const table = item.getByTestId("breakdown");
    const parts: ProposedPair["parts"] = [];
    for (const row of await table.locator("tbody tr").all()) {
      const cells = await row.getByRole("cell").allInnerTexts();
      parts.push({ points: Number(cells[0]), max: Number(cells[1]) });
    }
    const foot = await table.locator("tfoot tr").getByRole("cell").allInnerTexts();
    pairs.push({ title: match[1], score: Number(match[2]), parts, total: { score: Number(foot[0]), max: Number(foot[1]) } });
  }
  return pairs;
}

/** The pair's checkbox ("Lock this pair" / "Rule this pair out") for "Young Person with Mentor". */
const pairChoice = (page: Page, choice: "Lock this pair" | "Rule this pair out", pair: string) =>
  page.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(choice)}\\s*:\\s*${escapeRegExp(pair)}$`) });

/** Moves the cohort on one status from its overview page, through the check question. */
async function moveCohort(page: Page, to: string): Promise<void> {
  await visit(page, `/coordinator/mentoring/${WINTER}`);
  await seen(page.getByRole("heading", { level: 1, name: "Winter pilot" }));
  await main(page).getByRole("link", { name: `Move to ${to}`, exact: true }).click();
  const box = page.getByTestId("confirm-move");
  await seen(box.getByRole("heading", { name: `Move Winter pilot to ${to}?` }));
  await checkA11y(page);
  await box.getByRole("button", { name: `Yes, move to ${to}` }).click();
  await seen(page.getByTestId("flash").getByText(`The cohort is now ${to}.`));
  await seen(page.getByTestId("cohort-status").getByText(to, { exact: false }));
  await checkA11y(page);
}

describe("Spring pilot: an employee applies to mentor and is selected", () => {
  it("Alex applies, is shortlisted, interviewed and selected; his gates fail until his training is recorded, then only the DBS check is left", { timeout: 300_000 }, async () => {
    // 1. Alex finds the Spring pilot on the mentoring page and applies.
    const alex = await browser.openPageAs(ALEX);
    await visit(alex, "/");
    await alex.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentoring" }).click();
    await arrive(alex, "/mentoring", "Mentoring");
    await rowOf(alex.getByTestId("recruiting-table"), "Spring pilot").getByRole("link", { name: "Apply to mentor in Spring pilot" }).click();
    await arrive(alex, `/mentoring/${SPRING}/apply`, "Apply to mentor in Spring pilot");

    // Nothing filled in: the error summary says what is missing.
    await alex.getByRole("button", { name: "Continue" }).click();
    await seen(alex.getByTestId("error-summary"));
    await checkA11y(alex);

    await alex.getByLabel("Why would you like to mentor a young person?").fill("I left home at 17 and someone at work helped me find my feet. I would like to do the same.");
    const into = group(alex, "What are you into?");
    await into.getByLabel("Cooking", { exact: true }).check();
    await into.getByLabel("Sport and fitness", { exact: true }).check();
    const skills = group(alex, "What could you help with?");
    await skills.getByLabel("Budgeting and money", { exact: true }).check();
    await skills.getByLabel("Cooking", { exact: true }).check();
    await group(alex, "When are you usually free to meet?").getByLabel("Wednesday evening", { exact: true }).check();
    const ages = group(alex, "Which ages would you mentor?");
    await ages.getByLabel("16 to 17", { exact: true }).check();
    await ages.getByLabel("18 to 20", { exact: true }).check();
    await group(alex, "Can you meet in person or online?").getByLabel("In person", { exact: true }).check();
    await alex.getByLabel("Town or area where you can meet").fill("Thornaby");
    await alex.getByLabel("How many young people could you mentor?").fill("1");
    await group(alex, "Has your manager agreed to the time in your work hours?").getByLabel("Yes", { exact: true }).check();
    await alex.getByRole("button", { name: "Continue" }).click();

    await seen(alex.getByRole("heading", { level: 1, name: "Check your answers" }));
    await checkA11y(alex);
    const answers = alex.getByTestId("check-answers");
    await seen(answers.getByText("Budgeting and money, Cooking", { exact: true }));
    await seen(answers.getByText("16 to 17, 18 to 20", { exact: true }));
    await seen(answers.getByText("Thornaby", { exact: true }));
    await alex.getByRole("button", { name: "Send your application" }).click();

    await arrive(alex, `/mentoring/${SPRING}/apply`, "Application sent");
    await seen(alex.getByTestId("flash").getByText("Your application to mentor is sent."));
    await seen(alex.getByTestId("application-status").getByText("Applied", { exact: true }));

    // 2. The coordinator shortlists him, records the interview and selects him.
    const coordinator = await browser.openPageAs(COORDINATOR);
    await visit(coordinator, "/");
    await coordinator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentoring" }).click();
    await arrive(coordinator, "/coordinator/mentoring", "Mentoring cohorts");
    await main(coordinator).getByRole("link", { name: "Spring pilot", exact: true }).click();
    await arrive(coordinator, `/coordinator/mentoring/${SPRING}`, "Spring pilot");
    await rowOf(coordinator.getByTestId("mentors"), "Alex Morgan").getByRole("link", { name: "Alex Morgan" }).click();
    // (A pattern is matched against the whole address.)
    await arrive(coordinator, new RegExp(`/coordinator/mentoring/${SPRING}/mentors/[^/?#]+$`), "Alex Morgan");
    const applicationPath = new URL(coordinator.url()).pathname;

    await coordinator.getByRole("button", { name: "Shortlist", exact: true }).click();
    await seen(coordinator.getByTestId("flash").getByText("Alex Morgan is on the shortlist."));
    await checkA11y(coordinator);
    await group(coordinator, "Outcome of the interview").getByLabel("Suitable to mentor", { exact: true }).check();
    await coordinator.getByRole("button", { name: "Record the outcome" }).click();
    await seen(coordinator.getByTestId("flash").getByText("The interview outcome for Alex Morgan is recorded."));
    await checkA11y(coordinator);
    await main(coordinator).getByRole("link", { name: "Select", exact: true }).click();
    const decision = coordinator.getByTestId("confirm-decision");
    await seen(decision.getByRole("heading", { name: "Select Alex Morgan to mentor in Spring pilot?" }));
    await checkA11y(coordinator);
    await decision.getByRole("button", { name: "Yes, select" }).click();
    await seen(coordinator.getByTestId("flash").getByText("Alex Morgan is selected to mentor."));
    await checkA11y(coordinator);

    // 3. He cannot be matched yet: no training and no DBS check (he offered to mentor 16 to 17 year olds).
    const problems = async () => (await coordinator.getByTestId("gate-problems").getByRole("listitem").allInnerTexts()).map((t) => t.trim());
    expect(await problems()).toEqual([...TRAINING.map((m) => `The mentor has not completed the training "${m}"`), `The mentor has ${DBS_PROBLEM}`]);
    await visit(alex, `/mentoring/${SPRING}/apply`);
    await seen(alex.getByRole("heading", { level: 1, name: "Your application to mentor in Spring pilot" }));
    await seen(alex.getByTestId("application-status").getByText("Selected", { exact: true }));
    const alexGates = async () => (await alex.getByTestId("gates-to-pass").getByRole("listitem").allInnerTexts()).map((t) => t.trim());
    expect(await alexGates()).toEqual([...TRAINING.map((m) => `You have not completed the training "${m}"`), `You have ${DBS_PROBLEM}`]);

    // 4. The coordinator records the three modules, done over the last week.
    for (const [i, module] of TRAINING.entries()) {
      await group(coordinator, "Module").getByLabel(module, { exact: true }).check();
      await fillDate(coordinator, "Date completed", ukDay(i - 6));
      await coordinator.getByRole("button", { name: "Record the training" }).click();
      await seen(coordinator.getByTestId("flash").getByText("Training recorded."));
      await seen(rowOf(coordinator.getByTestId("training"), module).getByRole("cell").filter({ hasNotText: "Not recorded" }).nth(1));
      await checkA11y(coordinator);
    }
    expect(await rowOf(coordinator.getByTestId("training"), "Not recorded").count()).toBe(0);
    // Training done; the DBS check is the only gate left.
    expect(await problems()).toEqual([`The mentor has ${DBS_PROBLEM}`]);
    expect(new URL(coordinator.url()).pathname).toBe(applicationPath);

    await visit(coordinator, `/coordinator/mentoring/${SPRING}`);
    const alexRow = rowOf(coordinator.getByTestId("mentors"), "Alex Morgan");
    await seen(alexRow.getByText("Training: complete"));
    await seen(alexRow.getByText("DBS: no clear check"));

    await visit(alex, `/mentoring/${SPRING}/apply`);
    expect(await alexGates()).toEqual([`You have ${DBS_PROBLEM}`]);
  });
});

// The Winter pilot journey is one story, so its steps run in order and build on each other: the
// profile is corrected while the cohort is matching, the pairs confirmed, sessions logged once it has
// started, a pair ended, and the cohort closed for the survey. (Vitest runs a file's tests in order.)
describe("Winter pilot: profiles, matching, sessions, fit and closure", () => {
  let pairPath = ""; // Jordan and Ben's pair

  it("Jordan corrects his profile, which his adviser entered, and his adviser sees the change", { timeout: 180_000 }, async () => {
    const jordan = await browser.openPageAs(JORDAN);
    await visit(jordan, "/");
    await jordan.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentoring" }).click();
    await arrive(jordan, "/mentoring", "Mentoring");
    const winter = jordan.getByTestId("young-person").getByRole("listitem").filter({ hasText: "Winter pilot" });
    await seen(winter.getByText("Answers saved."));
    await winter.getByRole("link", { name: "Check or change the answers for Winter pilot" }).click();
    await arrive(jordan, `/mentoring/${WINTER}/profile`, "Tell us about yourself");
    // What his adviser entered.
    const into = group(jordan, "What are you into?");
    expect(await into.getByLabel("Music", { exact: true }).isChecked()).toBe(true);
    expect(await into.getByLabel("Cars and motorbikes", { exact: true }).isChecked()).toBe(true);
    expect(await into.getByLabel("Film and TV", { exact: true }).isChecked()).toBe(false);
    await into.getByLabel("Film and TV", { exact: true }).check();
    await jordan.getByRole("button", { name: "Save the answers" }).click();
    await arrive(jordan, "/mentoring", "Mentoring");
    await seen(jordan.getByTestId("flash").getByText("Thank you. Your answers are saved."));

    // His adviser sees the same profile, with his correction.
    const adviser = await browser.openPageAs(ADVISER);
    await visit(adviser, "/mentoring");
    await seen(adviser.getByRole("heading", { level: 1, name: "Mentoring" }));
    const jordanSection = adviser.getByTestId("caseload-person").filter({ has: adviser.getByRole("heading", { name: "Jordan Reed" }) });
    await jordanSection.getByRole("link", { name: "Check or change the answers for Winter pilot" }).click();
    await arrive(adviser, `/mentoring/${WINTER}/profile`, "Tell us about Jordan");
    expect(new URL(adviser.url()).searchParams.get("for")).toBeTruthy();
    const jordanInto = group(adviser, "What is Jordan into?");
    for (const interest of ["Music", "Cars and motorbikes", "Film and TV"]) {
      expect(await jordanInto.getByLabel(interest, { exact: true }).isChecked(), interest).toBe(true);
    }
    expect(await group(adviser, "How old is Jordan?").getByLabel("18 to 20", { exact: true }).isChecked()).toBe(true);
  });

  it("the coordinator reads the proposal, rules a pair out, re-runs, confirms, and both sides are emailed first names only", { timeout: 300_000 }, async () => {
    const coordinator = await browser.openPageAs(COORDINATOR);
    await visit(coordinator, "/coordinator/mentoring");
    await main(coordinator).getByRole("link", { name: "Winter pilot", exact: true }).click();
    await arrive(coordinator, `/coordinator/mentoring/${WINTER}`, "Winter pilot");
    await main(coordinator).getByRole("link", { name: "Matching", exact: true }).click();
    await arrive(coordinator, `/coordinator/mentoring/${WINTER}/matching`, "Matching: Winter pilot");

    // The demo's rules leave one best set: Riley asked for a woman (Jo); Jordan's adviser works in
    // Children's Services, like Alex and Sam, so his mentor is Ben; Casey is 16 and Sam has a DBS check.
    const pairs = await proposedPairs(coordinator);
    expect(pairs.map((p) => p.title).sort()).toEqual(["Casey Hill with Sam Patel", "Jordan Reed with Ben Carter", "Riley Evans with Jo Hughes"]);
    for (const p of pairs) {
      // Each score is its parts added up, out of 100, and no part over its maximum.
      expect(p.parts.reduce((sum, part) => sum + part.points, 0), p.title).toBe(p.score);
      expect(p.total, p.title).toEqual({ score: p.score, max: 100 });
      expect(p.parts.reduce((sum, part) => sum + part.max, 0), p.title).toBe(100);
      for (const part of p.parts) expect(part.points, p.title).toBeLessThanOrEqual(part.max);
    }
    const total = pairs.reduce((sum, p) => sum + p.score, 0);
    await seen(coordinator.getByTestId("total").getByText(`3 pairs, ${total} points in all.`));

    // Alex is selected and trained but has no DBS check, so he cannot mentor Casey (16 to 17).
    const alexNotReady = coordinator.getByTestId("mentors-not-ready").getByRole("listitem").filter({ has: coordinator.getByRole("link", { name: "Alex Morgan" }) });
    await seen(alexNotReady.getByText(`The mentor has ${DBS_PROBLEM}`));

    // Rule Casey and Sam out and re-run: that pair is gone, and listed as ruled out.
    await pairChoice(coordinator, "Rule this pair out", "Casey Hill with Sam Patel").check();
    await coordinator.getByRole("button", { name: "Re-run matching" }).click();
    await coordinator.waitForURL((url) => url.pathname === `/coordinator/mentoring/${WINTER}/matching` && url.searchParams.has("forbid"));
    await seen(coordinator.getByTestId("ruled-out").getByLabel("Casey Hill with Sam Patel"));
    await seen(coordinator.getByTestId("total").getByText("2 pairs,", { exact: false }));
    await checkA11y(coordinator);
    const rerun = await proposedPairs(coordinator);
    expect(rerun.map((p) => p.title).sort()).toEqual(["Jordan Reed with Ben Carter", "Riley Evans with Jo Hughes"]);
    await seen(coordinator.getByTestId("unmatched").getByRole("listitem").filter({ hasText: "Casey Hill" }).first());

    // Confirm the two pairs.
    await coordinator.getByLabel("I have checked the 2 pairs above").check();
    await coordinator.getByRole("button", { name: "Confirm these pairs" }).click();
    await arrive(coordinator, `/coordinator/mentoring/${WINTER}`, "Winter pilot");
    await seen(coordinator.getByTestId("flash").getByText("2 pairs confirmed. The mentors, the young people and their personal advisers have been emailed."));

    // Both sides are told, by first name only.
    const toBen = await readEmail(coordinator, "You are mentoring Jordan – Helping Hands", BEN);
    expect(toBen).toContain("Dear Ben,");
    expect(toBen).toContain("paired you with Jordan.");
    expect(toBen).not.toMatch(/\bReed\b/);
    expect(toBen).not.toContain(JORDAN);
    expect(toBen).not.toContain("Aisha");
    pairPath = new URL(toBen.match(/See your pair: (\S+)/)?.[1] ?? "http://x/").pathname;
    expect(pairPath).toMatch(/^\/mentoring\/pairs\/[^/]+$/);

    const toJordan = await readEmail(coordinator, "Your mentor – Helping Hands", JORDAN);
    expect(toJordan).toContain("Dear Jordan,");
    expect(toJordan).toContain("Ben, who works for the council");
    expect(toJordan).not.toContain("Carter");
    expect(toJordan).not.toContain(BEN);

    const toAdviser = await readEmail(coordinator, "A mentor for Jordan – Helping Hands", ADVISER);
    expect(toAdviser).toContain("paired Jordan with a mentor in Winter pilot: Ben");
    expect(toAdviser).not.toContain("Carter");

    const toJo = await readEmail(coordinator, "You are mentoring Riley – Helping Hands", JO);
    expect(toJo).not.toContain("Evans");
    const toRiley = await readEmail(coordinator, "Your mentor – Helping Hands", RILEY);
    expect(toRiley).toContain("Jo, who works for the council");
    expect(toRiley).not.toContain("Hughes");

    // The pairs are confirmed: the cohort starts running.
    await moveCohort(coordinator, "running");
  });

  it("Ben logs a session, Jordan sees its date but not the note, and Ben's safeguarding concern goes to the coordinators by email only", { timeout: 300_000 }, async () => {
    expect(pairPath, "the pairs were confirmed").not.toBe("");
    // Time passes: the cohort started a week ago (sessions can be logged only from its start).
    const started = new Date(Date.now() - 7 * 86_400_000);
    await db.mentoringCohort.update({ where: { id: WINTER }, data: { startsOn: new Date(Date.UTC(started.getUTCFullYear(), started.getUTCMonth(), started.getUTCDate())) } });

    // Ben opens his pair from the mentoring page: Jordan's first name only.
    const ben = await browser.openPageAs(BEN);
    await visit(ben, "/mentoring");
    await seen(ben.getByRole("heading", { level: 1, name: "Mentoring" }));
    await rowOf(ben.getByTestId("pairs-table"), "Winter pilot").getByRole("link", { name: "Jordan", exact: true }).click();
    await arrive(ben, pairPath, "Mentoring Jordan");
    const benSees = await main(ben).innerText();
    expect(benSees).not.toMatch(/\bReed\b/);
    expect(benSees).not.toContain(JORDAN);
    expect(benSees).not.toContain("Aisha");

    await ben.getByTestId("mentor-links").getByRole("link", { name: "Log a session" }).click();
    await arrive(ben, `${pairPath}/sessions`, "Your sessions with Jordan");
    const yesterday = ukDay(-1);
    await fillDate(ben, "When was the session?", yesterday);
    await ben.getByLabel("How long was it, in minutes?").fill("60");
    await group(ben, "How did you meet?").getByLabel("In person", { exact: true }).check();
    await ben.getByLabel("What did you do together?").fill(SESSION_NOTE);
    await ben.getByRole("button", { name: "Log the session" }).click();
    await seen(ben.getByTestId("flash").getByText(/^Session on .+ logged \(1 hour\)\.$/));
    await seen(ben.getByTestId("session-totals").getByText("1 session, 1 hour in all."));
    const logged = rowOf(ben.getByTestId("sessions"), SESSION_NOTE);
    await seen(logged);
    const sessionDate = (await logged.getByRole("cell").first().innerText()).trim();
    expect(sessionDate).toContain(yesterday.year);
    await checkA11y(ben);

    // Jordan sees the session's date and length, not the note.
    const jordan = await browser.openPageAs(JORDAN);
    await visit(jordan, "/mentoring");
    await seen(jordan.getByRole("heading", { level: 1, name: "Mentoring" }));
    await rowOf(jordan.getByTestId("pairs-table"), "Winter pilot").getByRole("link", { name: "Ben", exact: true }).click();
    await arrive(jordan, pairPath, "Your mentor, Ben");
    await seen(jordan.getByTestId("pair-summary").getByText("Sessions logged"));
    expect(await main(jordan).innerText()).not.toContain("Carter");
    await jordan.getByTestId("sessions-link").click();
    await arrive(jordan, `${pairPath}/sessions`, "Sessions with Ben");
    const row = jordan.getByTestId("sessions").getByRole("row").filter({ hasText: sessionDate });
    await seen(row.getByRole("cell", { name: "1 hour", exact: true }));
    const jordanSees = await main(jordan).innerText();
    expect(jordanSees).not.toContain(SESSION_NOTE);
    expect(jordanSees).not.toContain("bike shop");

    // Ben raises a safeguarding concern: the confirmation does not repeat it, and it is nowhere in the log.
    await visit(ben, `${pairPath}/sessions`);
    await seen(ben.getByRole("heading", { level: 1, name: "Your sessions with Jordan" }));
    await ben.getByTestId("raise-concern").click();
    await arrive(ben, `${pairPath}/concern`, "Raise a safeguarding concern");
    await seen(ben.getByTestId("concern-recipients").getByText(/programme coordinator/));
    await ben.getByLabel("What is your concern?").fill(CONCERN);
    await ben.getByRole("button", { name: "Send the concern now" }).click();
    await arrive(ben, `${pairPath}/concern`, "Your concern has been sent");
    await seen(ben.getByTestId("concern-sent"));
    expect(await main(ben).innerText()).not.toContain("landlord");
    await visit(ben, `${pairPath}/sessions`);
    await seen(ben.getByRole("heading", { level: 1, name: "Your sessions with Jordan" }));
    expect(await main(ben).innerText()).not.toContain("landlord");

    // No safeguarding lead is set up in the demo, so it went to the coordinator, marked urgent.
    const coordinator = await browser.openPageAs(COORDINATOR);
    const concernEmail = await readEmail(coordinator, "URGENT: safeguarding concern from a mentor – Helping Hands", COORDINATOR);
    expect(concernEmail).toContain(CONCERN);
    expect(concernEmail).toContain("Winter pilot");
  });

  it("both sides answer the fit question; Jordan says it is not a good fit, the pair ends and is not proposed again", { timeout: 240_000 }, async () => {
    expect(pairPath, "the pairs were confirmed").not.toBe("");
    const ben = await browser.openPageAs(BEN);
    await visit(ben, pairPath);
    await seen(ben.getByRole("heading", { level: 1, name: "Mentoring Jordan" }));
    await group(ben, "After the first session, how is it going with Jordan?").getByLabel("A good fit", { exact: true }).check();
    await ben.getByRole("button", { name: "Send answer" }).click();
    await seen(ben.getByTestId("flash").getByText("Thank you for telling us how it is going."));
    await seen(ben.getByTestId("fit-answered").getByText("You said: a good fit."));
    await checkA11y(ben);

    const jordan = await browser.openPageAs(JORDAN);
    await visit(jordan, pairPath);
    await seen(jordan.getByRole("heading", { level: 1, name: "Your mentor, Ben" }));
    await group(jordan, "After the first session, how is it going with Ben?").getByLabel("Not a good fit", { exact: true }).check();
    await jordan.getByRole("button", { name: "Send answer" }).click();
    // Asked once more, as ending the pair cannot be undone.
    const sure = jordan.getByTestId("fit-confirm-end");
    await seen(sure.getByRole("heading", { name: "Are you sure it is not a good fit?" }));
    await checkA11y(jordan);
    await sure.getByRole("button", { name: "Yes, end the pair" }).click();
    await seen(jordan.getByTestId("flash").getByText("Thank you for telling us. The pair has ended"));
    await seen(jordan.getByTestId("pair-ended"));
    await checkA11y(jordan);

    // The coordinator's proposal no longer pairs them; the other pair stays confirmed.
    const coordinator = await browser.openPageAs(COORDINATOR);
    await visit(coordinator, `/coordinator/mentoring/${WINTER}/matching`);
    await seen(coordinator.getByRole("heading", { level: 1, name: "Matching: Winter pilot" }));
    const titles = (await proposedPairs(coordinator)).map((p) => p.title);
    expect(titles).not.toContain("Jordan Reed with Ben Carter");
    await seen(coordinator.getByTestId("ended").getByRole("listitem").filter({ hasText: "Jordan Reed with Ben Carter" }));
    await seen(coordinator.getByTestId("confirmed").getByRole("link", { name: "Riley Evans with Jo Hughes" }));
    // Jordan is free again, but no mentor he may have is left: he is listed without one, with the reason.
    await seen(coordinator.getByTestId("unmatched").getByRole("listitem").filter({ hasText: "Jordan Reed" }).getByText(/not a good fit/).first());
  });

  it("the cohort closes, both sides of a closed pair answer the survey, and the report suppresses small numbers and downloads", { timeout: 300_000 }, async () => {
    const coordinator = await browser.openPageAs(COORDINATOR);
    await moveCohort(coordinator, "closing");

    // Riley and Jo's pair closed at the planned end: both are asked for the survey.
    for (const [email, side] of [
      [JO, "mentor"],
      [RILEY, "young person"],
    ] as const) {
      const page = await browser.openPageAs(email);
      await visit(page, "/mentoring");
      await seen(page.getByRole("heading", { level: 1, name: "Mentoring" }));
      await page.getByTestId("surveys").getByRole("link", { name: "Tell us how Winter pilot went (a short survey)" }).click();
      await arrive(page, `/mentoring/${WINTER}/survey`, "Closure survey");
      const questions = page.getByRole("group").filter({ has: page.getByLabel("4 – Agree", { exact: true }) });
      const count = await questions.count();
      expect(count, side).toBe(3);
      for (let i = 0; i < count; i++) await questions.nth(i).getByLabel("4 – Agree", { exact: true }).check();
      await page.getByLabel("Anything else you would like to say? (optional)").fill(`The ${side} side: it went well.`);
      await page.getByRole("button", { name: "Send answers" }).click();
      await seen(page.getByTestId("flash").getByText("Thank you. Your answers have been sent to the programme coordinator."));
      await seen(page.getByTestId("survey-answered"));
      await checkA11y(page);
    }

    // The report: one answer on each side is below the threshold, so it shows as "c", with no averages or comments.
    await visit(coordinator, `/coordinator/mentoring/${WINTER}`);
    await seen(coordinator.getByRole("heading", { level: 1, name: "Winter pilot" }));
    await main(coordinator).getByRole("link", { name: "Report", exact: true }).click();
    await arrive(coordinator, `/coordinator/mentoring/${WINTER}/report`, "Winter pilot");
    const responders = coordinator.getByTestId("report-responders");
    for (const label of ["Mentors", "Young people", "All"]) {
      await seen(rowOf(responders, label).getByRole("cell", { name: "c", exact: true }));
    }
    await seen(rowOf(coordinator.getByTestId("report-pairs"), "Pairs confirmed").getByRole("cell", { name: "c", exact: true }));
    await seen(rowOf(coordinator.getByTestId("report-sessions"), "Sessions logged").getByRole("cell", { name: "1", exact: true }));
    await seen(coordinator.getByTestId("hidden-because-mentor"));
    await seen(coordinator.getByTestId("hidden-because-young_person"));
    const report = await main(coordinator).innerText();
    expect(report).not.toContain("it went well");
    expect(report).not.toContain("Riley");

    // The CSV, fetched with the coordinator's session.
    const href = await coordinator.getByTestId("download-csv").getAttribute("href");
    expect(href).toBe(`/coordinator/mentoring/${WINTER}/report.csv`);
    const response = await coordinator.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toContain('filename="mentoring-report-winter-pilot.csv"');
    const csv = await response.text();
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      "Section,Measure,Answered 1 (strongly disagree),Answered 2 (disagree),Answered 3 (neither agree nor disagree),Answered 4 (agree),Answered 5 (strongly agree),Total,Mean",
    );
    expect(rows).toContain("Survey responders,All,,,,,,c,");
    expect(csv).not.toContain("it went well");

    // Someone who is not the coordinator gets no report.
    const jo = await browser.openPageAs(JO);
    const refused = await jo.request.get(href!, { maxRedirects: 0 });
    expect([302, 303, 403, 404]).toContain(refused.status());
  });
});

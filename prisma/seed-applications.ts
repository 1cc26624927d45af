// Support applications for the seed (issue 6): the first terms of reference, Aisha Khan (personal
// adviser) linked to Jordan, two more panel members (so the demo can reach a quorum of three), and,
// for the demo, three of Jordan's applications (a draft, one waiting to be screened, one with the panel).
// The large data set adds `count` applications spread over the statuses before a decision, most of
// them with the panel (for the panel benchmarks). Deterministic: fixed ids, references and dates.
import { faker } from "@faker-js/faker";
import type { PrismaClient } from "../app/generated/prisma/client.ts";

const DAY = 86_400_000;
const BATCH = 500;

export const TERMS_V1 = {
  funds: [
    "Equipment for education: a laptop, books, tools or materials for a course",
    "Driving lessons and the driving test",
    "Setting up home: furniture, bedding, kitchen equipment",
    "Training and job costs: course fees, work clothes, tools, travel to a new job",
    "Costs of a course or exam that help towards work",
  ].join("\n"),
  doesNotFund: [
    "Anything a statutory entitlement already covers (for example the Higher Education Bursary, the Setting Up Home Allowance or the 16 to 19 Bursary)",
    "Debts, fines or loans",
    "Rent or bills that housing benefit or Universal Credit should cover",
    "Holidays, or items for someone else",
    "Cash with no item or cost behind it",
  ].join("\n"),
  maxAwardPence: 100_000,
  decisionDates: ["The panel meets on the first Tuesday of each month", "Urgent applications can be decided by written procedure within 10 working days"].join("\n"),
  giveBack:
    "We hope you will give something back when you can: for example helping at a fundraising event, speaking to council staff about what the fund meant to you, or mentoring another young person later on. It is never a condition of an award.",
  criteria: ["How much it will help", "Need", "Value for money", "Other support available"].join("\n"),
};

export const EXTRA_PANEL_MEMBERS = [
  { email: "tom.baker@council.example", firstName: "Tom", lastName: "Baker" },
  { email: "lee.wong@council.example", firstName: "Lee", lastName: "Wong" },
];

/** The demo applications' ids, for pages and tests that want a known one. */
export const DEMO_APPLICATION_IDS = { draft: "seed-application-draft", submitted: "seed-application-submitted", withPanel: "seed-application-with-panel" } as const;

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** SA-Z then the number in the reference alphabet: deterministic and never clashes with the demo's SA-DEM… */
function largeReference(n: number): string {
  let s = "";
  for (let i = 0, v = n; i < 5; i++, v = Math.floor(v / ALPHABET.length)) s = ALPHABET[v % ALPHABET.length] + s;
  return `SA-Z${s}`;
}

type Status = "submitted" | "more_info_requested" | "not_eligible" | "with_panel" | "withdrawn";
// Mostly with the panel: the panel queue is what the benchmark loads.
const LARGE_STATUSES: Status[] = ["with_panel", "with_panel", "with_panel", "with_panel", "with_panel", "with_panel", "submitted", "submitted", "more_info_requested", "not_eligible", "withdrawn"];
const PATH: Record<Status, string[]> = {
  submitted: ["draft", "submitted"],
  more_info_requested: ["draft", "submitted", "more_info_requested"],
  not_eligible: ["draft", "submitted", "not_eligible"],
  with_panel: ["draft", "submitted", "with_panel"],
  withdrawn: ["draft", "submitted", "withdrawn"],
};
const CATEGORIES = ["education_equipment", "driving_lessons", "setting_up_home", "training_and_jobs"] as const;
const PURPOSES: Record<(typeof CATEGORIES)[number], string> = {
  education_equipment: "A laptop for my college course",
  driving_lessons: "Ten driving lessons and the practical test",
  setting_up_home: "A washing machine and a bed for my first flat",
  training_and_jobs: "Safety boots and tools for my apprenticeship",
};

export async function seedApplications(db: PrismaClient, { now, demo, count }: { now: Date; demo: boolean; count: number }): Promise<void> {
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@council.example" } });
  const jordan = await db.user.findUniqueOrThrow({ where: { email: "jordan@young.example" } });
  const adviser = await db.user.findUniqueOrThrow({ where: { email: "pa.khan@council.example" } });

  await db.termsOfReference.create({ data: { version: 1, ...TERMS_V1, publishedAt: new Date(now.getTime() - 60 * DAY), publishedById: coordinator.id } });
  await db.adviserLink.create({ data: { adviserId: adviser.id, youngPersonId: jordan.id } });
  for (const m of EXTRA_PANEL_MEMBERS) {
    const person = await db.person.create({ data: { firstName: m.firstName, lastName: m.lastName, email: m.email } });
    await db.user.create({ data: { personId: person.id, email: m.email, roles: { create: [{ role: "panel" }] } } });
  }

  if (demo) {
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    await db.supportApplication.create({
      data: {
        id: DEMO_APPLICATION_IDS.draft,
        reference: "SA-DEMAA2",
        youngPersonId: jordan.id,
        adviserId: adviser.id,
        createdById: jordan.id,
        status: "draft",
        category: "training_and_jobs",
        purpose: "Work clothes and a bus pass for the first month of my new job at the garden centre",
        createdAt: at(1),
        events: { create: [{ fromStatus: null, toStatus: "draft", actorId: jordan.id, at: at(1) }] },
      },
    });
    await db.supportApplication.create({
      data: {
        id: DEMO_APPLICATION_IDS.submitted,
        reference: "SA-DEMAB3",
        youngPersonId: jordan.id,
        adviserId: adviser.id,
        createdById: adviser.id,
        status: "submitted",
        category: "education_equipment",
        purpose: "A laptop for my Level 3 course in health and social care",
        amountPence: 45_000,
        quoteUrl: "https://www.example.com/laptops/student-15",
        quoteDetails: "15-inch laptop with a 3-year warranty, from a high-street shop",
        whyItMatters: "All my coursework is online. At the moment I use the library computers, which close at 5pm.",
        entitlementCovers: "partly",
        entitlementNames: "16 to 19 Bursary",
        entitlementWhyNeeded: "The bursary pays my travel and lunches; there is nothing left for a laptop.",
        createdAt: at(6),
        submittedAt: at(4),
        events: {
          create: [
            { fromStatus: null, toStatus: "draft", actorId: adviser.id, at: at(6) },
            { fromStatus: "draft", toStatus: "submitted", actorId: jordan.id, at: at(4) },
          ],
        },
      },
    });
    await db.supportApplication.create({
      data: {
        id: DEMO_APPLICATION_IDS.withPanel,
        reference: "SA-DEMAC4",
        youngPersonId: jordan.id,
        adviserId: adviser.id,
        createdById: jordan.id,
        status: "with_panel",
        category: "driving_lessons",
        purpose: "Ten driving lessons and the practical test",
        amountPence: 60_000,
        quoteDetails: "Local driving school: 10 lessons at £42 each, plus the £62 test fee and £118 for extra lessons if needed",
        whyItMatters: "The apprenticeship I have been offered needs me to drive between sites from next spring.",
        entitlementCovers: "no",
        createdAt: at(20),
        submittedAt: at(18),
        screenedAt: at(15),
        screenedById: coordinator.id,
        events: {
          create: [
            { fromStatus: null, toStatus: "draft", actorId: jordan.id, at: at(20) },
            { fromStatus: "draft", toStatus: "submitted", actorId: jordan.id, at: at(18) },
            { fromStatus: "submitted", toStatus: "with_panel", actorId: coordinator.id, at: at(15) },
          ],
        },
      },
    });
  }

  if (count > 0) await seedLargeApplications(db, { now, count, coordinatorId: coordinator.id });
}

/** `count` applications from 100 generated young people, in batches. */
async function seedLargeApplications(db: PrismaClient, { now, count, coordinatorId }: { now: Date; count: number; coordinatorId: string }) {
  const people = Array.from({ length: Math.min(100, count) }, (_, i) => ({
    id: `seed-yp-person-${i}`,
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    email: `young${i}@young.example`,
  }));
  await db.person.createMany({ data: people });
  await db.user.createMany({ data: people.map((p) => ({ id: `seed-yp-${p.id}`, personId: p.id, email: p.email })) });
  await db.userRole.createMany({ data: people.map((p) => ({ userId: `seed-yp-${p.id}`, role: "young_person" })) });

  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => {
      const n = start + i;
      const status = LARGE_STATUSES[n % LARGE_STATUSES.length];
      const category = CATEGORIES[n % CATEGORIES.length];
      const youngPersonId = `seed-yp-${people[n % people.length].id}`;
      const submittedAt = new Date(now.getTime() - ((n % 90) + 1) * DAY - (n % 1440) * 60_000);
      return { n, status, category, youngPersonId, submittedAt };
    });
    await db.supportApplication.createMany({
      data: rows.map((r) => ({
        id: `seed-application-${r.n}`,
        reference: largeReference(r.n),
        youngPersonId: r.youngPersonId,
        createdById: r.youngPersonId,
        status: r.status,
        moreInfoFrom: r.status === "more_info_requested" ? "screening" : null,
        category: r.category,
        purpose: PURPOSES[r.category],
        amountPence: 10_000 + (r.n % 18) * 5_000,
        quoteDetails: "Quote from a local supplier",
        whyItMatters: "It will help me keep up with my course and get into work.",
        entitlementCovers: r.n % 3 === 0 ? "partly" : "no",
        entitlementNames: r.n % 3 === 0 ? "Setting Up Home Allowance" : null,
        entitlementWhyNeeded: r.n % 3 === 0 ? "The allowance has already been spent on the essentials." : null,
        notEligibleReason: r.status === "not_eligible" ? "A statutory entitlement covers this in full." : null,
        createdAt: new Date(r.submittedAt.getTime() - DAY),
        submittedAt: r.submittedAt,
        screenedAt: r.status === "with_panel" || r.status === "not_eligible" ? new Date(r.submittedAt.getTime() + 3_600_000) : null,
        screenedById: r.status === "with_panel" || r.status === "not_eligible" ? coordinatorId : null,
      })),
    });
    await db.applicationEvent.createMany({
      data: rows.flatMap((r) =>
        PATH[r.status].map((to, step) => ({
          id: `seed-application-${r.n}-event-${step}`,
          applicationId: `seed-application-${r.n}`,
          fromStatus: step === 0 ? null : PATH[r.status][step - 1],
          toStatus: to,
          actorId: step >= 2 && to !== "withdrawn" ? coordinatorId : r.youngPersonId,
          at: new Date(r.submittedAt.getTime() + (step - 1) * 3_600_000),
        })),
      ),
    });
    await db.applicationMessage.createMany({
      data: rows
        .filter((r) => r.status === "more_info_requested")
        .map((r) => ({ applicationId: `seed-application-${r.n}`, kind: "question", authorId: coordinatorId, body: "Please send a photo or link of the quote.", createdAt: new Date(r.submittedAt.getTime() + 3_600_000) })),
    });
  }
}

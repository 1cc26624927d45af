// Deterministic demo data (fixed faker seed): `npm run seed` on an empty database,
// `npm run seed:large` for benchmarks (5,000 employees; later features add pledges and applications).
import path from "node:path";
import { faker } from "@faker-js/faker";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { createPrismaClient } from "../app/db.server.ts";
import { databaseUrl } from "../scripts/database-url.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { ensurePeriods } from "../app/services/pay-periods.server.ts";
import { BUILT_IN_LAYOUTS, layoutRow } from "../app/domain/payroll/layouts.ts";
import { seedPledges } from "./seed-pledges.ts";
import { seedApplications } from "./seed-applications.ts";
import { seedTalent } from "./seed-talent.ts";
import { seedMentoring } from "./seed-mentoring.ts";

export const SEED = 20261123;

export type SeedOptions = {
  employees?: number;
  now?: Date;
  /** generated employees (the first n) with an active pledge; default: 10 for the plain demo seed, else 0 */
  pledges?: number;
  /** Sam's £5 demo pledge; default: on for the plain demo seed (no employee count given), else off */
  demoPledges?: boolean;
  /** Jordan's three demo applications (issue 6); default: on for the plain demo seed, else off */
  demoApplications?: boolean;
  /** generated support applications (the large data set: 500, for the panel benchmarks); default 0 */
  applications?: number;
  /** Giving Time's demo offers, group, DBS checks and Jordan's request (issue 7); default: on for the plain demo seed, else off */
  demoTalent?: boolean;
};

/** The large data set (`npm run seed:large`), also what the page benchmarks and the soak load (bench/large.ts). */
export const LARGE_SEED = { employees: 5000, pledges: 3000, demoPledges: true, demoApplications: true, applications: 500, demoTalent: true } as const satisfies SeedOptions;

export async function isSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.organisationSettings.count()) > 0;
}

export async function seed(db: PrismaClient, options: SeedOptions = {}): Promise<void> {
  const { employees = 40, now = new Date() } = options;
  const plainDemo = options.employees === undefined;
  faker.seed(SEED);
  await db.organisationSettings.create({
    data: {
      id: 1,
      councilName: "Example Borough Council",
      fundName: "Helping Hands Fund",
      charityStatus: "not_registered",
      givingMode: "net_pay",
      pledgeMinPence: 200,
      pledgeMaxPence: 50_000,
    },
  });
  const monthly = await db.payGroup.create({ data: { name: "Monthly salaried", frequency: "monthly", cutOffDay: 10 } });
  const fourWeekly = await db.payGroup.create({ data: { name: "Four-weekly", frequency: "four_weekly", cutOffDay: 7 } });

  let payroll = 100000;
  for (const account of DEMO_ACCOUNTS) {
    const person = await db.person.create({
      data: { firstName: account.firstName, lastName: account.lastName, email: account.email },
    });
    await db.user.create({
      data: {
        personId: person.id,
        email: account.email,
        roles: { create: account.roles.map((role) => ({ role })) },
      },
    });
    // Staff demo users are employees of the council; young people are not.
    if (!account.roles.some((r) => r === "young_person")) {
      await db.employeeRecord.create({
        data: {
          personId: person.id,
          payrollNumber: `E${payroll++}`,
          payGroupId: account.key === "employee2" ? fourWeekly.id : monthly.id,
          department: "Children's Services",
        },
      });
    }
  }

  // Pay periods from this month on, so the demo always has an open period to pledge into.
  await ensurePeriods(now, db);
  // The built-in payroll file layouts, as rows finance can see (and later adjust) in PayrollLayout.
  await db.payrollLayout.createMany({ data: BUILT_IN_LAYOUTS.map(layoutRow) });

  const departments = ["Children's Services", "Libraries", "Highways", "Finance", "HR", "Adult Social Care", "Planning"];
  const batch = 500;
  for (let start = 0; start < employees; start += batch) {
    const rows = Array.from({ length: Math.min(batch, employees - start) }, (_, i) => {
      const n = start + i;
      return {
        id: `seed-person-${n}`,
        firstName: faker.person.firstName(),
        lastName: faker.person.lastName(),
        email: `employee${n}@staff.council.example`,
      };
    });
    await db.person.createMany({ data: rows });
    await db.user.createMany({ data: rows.map((p) => ({ id: `seed-user-${p.id}`, personId: p.id, email: p.email! })) });
    await db.userRole.createMany({ data: rows.map((p) => ({ userId: `seed-user-${p.id}`, role: "employee" })) });
    await db.employeeRecord.createMany({
      data: rows.map((p, i) => ({
        personId: p.id,
        payrollNumber: `E${200000 + start + i}`,
        payGroupId: (start + i) % 3 === 0 ? fourWeekly.id : monthly.id,
        department: faker.helpers.arrayElement(departments),
      })),
    });
  }

  // Demo campaign (issue 5): open, a count target of 500 books at £8 each.
  await db.campaign.create({
    data: {
      slug: "a-book-for-each-child-in-our-care",
      title: "A book for each child in our care",
      story:
        "More than 500 children and young people are in our care. Many of them have never owned a book of their own.\n\nEvery £8 buys one new book, chosen with the child, to keep. Help us give a book to each child in our care.",
      targetKind: "count",
      targetCount: 500,
      unitPricePence: 800,
      unitLabel: "book",
      startsOn: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      imagePath: "/images/books.svg",
      imageAlt: "A row of colourful books on a shelf",
      status: "open",
    },
  });

  // Demo pledges (issue 4): Sam gives £5 a pay period; a share of the generated employees give too.
  await seedPledges(db, { count: Math.min(options.pledges ?? (plainDemo ? 10 : 0), employees), demo: options.demoPledges ?? plainDemo, now });

  // Support applications (issue 6): terms v1, Aisha ↔ Jordan, two more panel members; demo and large applications.
  await seedApplications(db, { now, demo: options.demoApplications ?? plainDemo, count: options.applications ?? 0 });

  // Giving Time (issue 7): offers from seeded employees, the library team's group, DBS checks, Jordan's request.
  if (options.demoTalent ?? plainDemo) await seedTalent(db, { now });

  // The mentoring pilot (issue 8): the Winter pilot matching (four selected mentors, three young people), the Spring pilot recruiting.
  if (plainDemo) await seedMentoring(db, { now });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const large = process.argv.includes("--large");
  const db = createPrismaClient(databaseUrl());
  try {
    if (await isSeeded(db)) {
      console.log("database already has data: not seeding (delete data/helping-hands.db to start again)");
    } else {
      await seed(db, large ? LARGE_SEED : {});
      console.log(large ? "seeded the large data set" : "seeded the demo data");
    }
  } finally {
    await db.$disconnect();
  }
}

// The mentoring pilot for the demo seed (issue 8). "Winter pilot" is matching: four selected mentors
// (Alex and Sam from Children's Services, Jo from Libraries, Ben from Highways), all trained; Sam, Jo
// and Ben have a clear Enhanced DBS check with the children's barred list, Alex has none, so Alex
// cannot mentor the under-18 until one is recorded. Three young people have profiles: Jordan (18 to
// 20; his adviser Aisha Khan is in Children's Services, so neither Alex nor Sam may mentor him),
// Casey (16 to 17, needs a DBS-cleared mentor) and Riley (21 to 25, online, asked for a woman
// mentor). The matching page then proposes a real set of pairs with every hard rule at work.
// "Spring pilot" is recruiting, with no applications yet, so employees (Alex, Sam) can apply.
// Deterministic: fixed ids, dates from `now`; a database that already has the Winter pilot is left alone.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { ukDayKey } from "../app/domain/gift-aid/schedule.ts";
import type { AgeBand, GoalKey, InterestKey } from "../app/domain/mentoring/matching.ts";
import { TRAINING_MODULES } from "../app/domain/mentoring/gates.ts";
import type { Mode, SkillKey, Slot } from "../app/domain/talent/skills.ts";

const DAY = 86_400_000;

/** The demo's known ids, for pages and tests. */
export const DEMO_MENTORING_IDS = {
  winter: "seed-cohort-winter",
  spring: "seed-cohort-spring",
  alex: "seed-mentor-app-alex",
  sam: "seed-mentor-app-sam",
  jo: "seed-mentor-app-jo",
  ben: "seed-mentor-app-ben",
  jordan: "seed-mentee-jordan",
  casey: "seed-mentee-casey",
  riley: "seed-mentee-riley",
} as const;

/** People the mentoring demo adds: two employees from other services and two young people. */
export const MENTORING_PEOPLE = [
  { email: "jo.hughes@council.example", firstName: "Jo", lastName: "Hughes", role: "employee", department: "Libraries", payrollNumber: "E190001" },
  { email: "ben.carter@council.example", firstName: "Ben", lastName: "Carter", role: "employee", department: "Highways", payrollNumber: "E190002" },
  { email: "casey.hill@young.example", firstName: "Casey", lastName: "Hill", role: "young_person", department: null, payrollNumber: null },
  { email: "riley.evans@young.example", firstName: "Riley", lastName: "Evans", role: "young_person", department: null, payrollNumber: null },
] as const;

type MentorSeed = {
  id: string;
  email: string;
  motivation: string;
  interests: InterestKey[];
  skills: SkillKey[];
  availability: Slot[];
  ageBands: AgeBand[];
  mode: Mode;
  location: string | null;
  gender: "woman" | "man" | null;
  attendedDropIn: boolean;
  dbsClear: boolean;
};

const MENTORS: MentorSeed[] = [
  {
    id: DEMO_MENTORING_IDS.alex,
    email: "alex.morgan@council.example",
    motivation: "I left home at 17 and someone at work helped me learn to cook and budget. I would like to do the same for someone else.",
    interests: ["sport", "cooking", "outdoors"],
    skills: ["budgeting", "cooking", "cv_help"],
    availability: ["wed_evening", "sat_day"],
    ageBands: ["16_17", "18_20"],
    mode: "in_person",
    location: "Thornaby",
    gender: null,
    attendedDropIn: true,
    // No DBS check yet: he cannot mentor Casey (16 to 17) until one is recorded.
    dbsClear: false,
  },
  {
    id: DEMO_MENTORING_IDS.sam,
    email: "sam.patel@council.example",
    motivation: "I help with CVs through the Talent Network and would like to give a young person regular time over a few weeks.",
    interests: ["music", "sport", "film"],
    skills: ["cv_help", "interview_practice"],
    availability: ["tue_evening", "thu_evening"],
    ageBands: ["16_17", "18_20", "21_25"],
    mode: "either",
    location: "Stockton",
    gender: "man",
    attendedDropIn: true,
    dbsClear: true,
  },
  {
    id: DEMO_MENTORING_IDS.jo,
    email: "jo.hughes@council.example",
    motivation: "I run the library's design sessions and love seeing young people make something of their own.",
    interests: ["art", "reading", "technology", "gaming"],
    skills: ["design_and_making", "it_help", "study_support"],
    availability: ["mon_evening", "thu_evening", "sat_day"],
    ageBands: ["16_17", "18_20", "21_25"],
    mode: "either",
    location: "Stockton",
    gender: "woman",
    attendedDropIn: false,
    dbsClear: true,
  },
  {
    id: DEMO_MENTORING_IDS.ben,
    email: "ben.carter@council.example",
    motivation: "I teach my own children to drive and I talk to schools about jobs in highways. I would like to help someone get started.",
    interests: ["cars", "music", "technology"],
    skills: ["driving_practice", "careers_talk", "cv_help"],
    availability: ["tue_evening", "sat_day"],
    ageBands: ["16_17", "18_20"],
    mode: "in_person",
    location: "Stockton",
    gender: "man",
    attendedDropIn: true,
    dbsClear: true,
  },
];

type MenteeSeed = {
  id: string;
  email: string;
  ageBand: AgeBand;
  interests: InterestKey[];
  goals: GoalKey[];
  availability: Slot[];
  mode: Mode;
  location: string | null;
  preferredMentorGender: "woman" | "man" | null;
  attendedDropIn: boolean;
  /** entered by their linked adviser (else by themselves) */
  byAdviser: boolean;
};

const MENTEES: MenteeSeed[] = [
  {
    id: DEMO_MENTORING_IDS.jordan,
    email: "jordan@young.example",
    ageBand: "18_20",
    interests: ["music", "cars"],
    goals: ["find_work", "learn_to_drive"],
    availability: ["tue_evening", "thu_evening"],
    mode: "either",
    location: "Stockton",
    preferredMentorGender: null,
    attendedDropIn: true,
    byAdviser: true,
  },
  {
    id: DEMO_MENTORING_IDS.casey,
    email: "casey.hill@young.example",
    ageBand: "16_17",
    interests: ["sport", "music"],
    goals: ["manage_money", "find_work"],
    availability: ["tue_evening", "sat_day"],
    mode: "in_person",
    location: "Stockton",
    preferredMentorGender: null,
    attendedDropIn: true,
    byAdviser: false,
  },
  {
    id: DEMO_MENTORING_IDS.riley,
    email: "riley.evans@young.example",
    ageBand: "21_25",
    interests: ["art", "gaming"],
    goals: ["college_or_training", "confidence_online"],
    availability: ["mon_evening", "thu_evening"],
    mode: "online",
    location: null,
    preferredMentorGender: "woman",
    attendedDropIn: false,
    byAdviser: false,
  },
];

/** Midnight UTC of the UK day `days` from `now` (how cohort and training days are stored). */
const dayFrom = (now: Date, days: number) => new Date(`${ukDayKey(new Date(now.getTime() + days * DAY))}T00:00:00Z`);
const dayKeyFrom = (now: Date, days: number) => ukDayKey(new Date(now.getTime() + days * DAY));

export async function seedMentoring(db: PrismaClient, { now }: { now: Date }): Promise<void> {
  if (await db.mentoringCohort.findUnique({ where: { id: DEMO_MENTORING_IDS.winter }, select: { id: true } })) return;
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@council.example" } });

  const monthly = await db.payGroup.findFirstOrThrow({ where: { frequency: "monthly" }, orderBy: { name: "asc" } });
  for (const p of MENTORING_PEOPLE) {
    if (await db.user.findUnique({ where: { email: p.email }, select: { id: true } })) continue;
    const person = await db.person.create({ data: { firstName: p.firstName, lastName: p.lastName, email: p.email } });
    await db.user.create({ data: { personId: person.id, email: p.email, roles: { create: [{ role: p.role }] } } });
    if (p.department && p.payrollNumber) {
      await db.employeeRecord.create({ data: { personId: person.id, payrollNumber: p.payrollNumber, payGroupId: monthly.id, department: p.department } });
    }
  }
  const users = await db.user.findMany({
    where: { email: { in: [...MENTORS.map((m) => m.email), ...MENTEES.map((m) => m.email)] } },
    select: { id: true, email: true, person: { select: { employee: { select: { department: true } } } } },
  });
  const userOf = (email: string) => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`seed-mentoring: no user ${email}`);
    return u;
  };

  await db.mentoringCohort.create({
    data: {
      id: DEMO_MENTORING_IDS.winter,
      name: "Winter pilot",
      startsOn: dayFrom(now, 14),
      weeks: 8,
      capacity: 6,
      // The drop-in has happened: attendance is recorded below.
      dropInDays: JSON.stringify([dayKeyFrom(now, -3)]),
      status: "matching",
      createdById: coordinator.id,
      createdAt: at(35),
    },
  });
  await db.mentoringCohort.create({
    data: {
      id: DEMO_MENTORING_IDS.spring,
      name: "Spring pilot",
      startsOn: dayFrom(now, 91),
      weeks: 10,
      capacity: 10,
      dropInDays: JSON.stringify([dayKeyFrom(now, 77), dayKeyFrom(now, 84)]),
      status: "recruiting",
      createdById: coordinator.id,
      createdAt: at(5),
    },
  });

  for (const [i, m] of MENTORS.entries()) {
    const user = userOf(m.email);
    await db.mentorApplication.create({
      data: {
        id: m.id,
        cohortId: DEMO_MENTORING_IDS.winter,
        userId: user.id,
        motivation: m.motivation,
        interests: JSON.stringify(m.interests),
        skills: JSON.stringify(m.skills),
        availability: JSON.stringify(m.availability),
        ageBands: JSON.stringify(m.ageBands),
        mode: m.mode,
        location: m.location,
        // As applyToMentor does: the team is the department on the employee record.
        teamId: user.person.employee?.department ?? null,
        gender: m.gender,
        capacity: 1,
        managerAgreed: true,
        attendedDropIn: m.attendedDropIn,
        status: "selected",
        interviewOutcome: "suitable",
        decidedById: coordinator.id,
        createdAt: at(30 - i),
      },
    });
    await db.trainingRecord.createMany({
      data: TRAINING_MODULES.map((module, k) => ({ applicationId: m.id, module, completedOn: dayFrom(now, -(20 - k * 5)), recordedById: coordinator.id })),
    });
    // A DBS check is the person's, reused across cohorts (the Talent Network's seed may have recorded one).
    if (m.dbsClear && !(await db.dbsCheck.findFirst({ where: { userId: user.id, level: "enhanced_barred", outcome: "clear" }, select: { id: true } }))) {
      await db.dbsCheck.create({
        data: { userId: user.id, level: "enhanced_barred", certificateNumber: `00987654321${i}`, issuedOn: at(40 + i), outcome: "clear", recordedById: coordinator.id, recordedAt: at(25 - i) },
      });
    }
  }

  for (const [i, p] of MENTEES.entries()) {
    const youngPerson = userOf(p.email);
    // Their own workers, as saveMenteeProfile records them: linked advisers and those advisers' teams.
    const links = await db.adviserLink.findMany({
      where: { youngPersonId: youngPerson.id },
      select: { adviserId: true, adviser: { select: { person: { select: { employee: { select: { department: true } } } } } } },
    });
    const teams = [...new Set(links.map((l) => l.adviser.person.employee?.department).filter((d): d is string => Boolean(d)))].sort();
    const byAdviser = p.byAdviser ? links[0]?.adviserId : undefined;
    await db.menteeProfile.create({
      data: {
        id: p.id,
        cohortId: DEMO_MENTORING_IDS.winter,
        youngPersonId: youngPerson.id,
        createdById: byAdviser ?? youngPerson.id,
        ageBand: p.ageBand,
        interests: JSON.stringify(p.interests),
        goals: JSON.stringify(p.goals),
        availability: JSON.stringify(p.availability),
        mode: p.mode,
        location: p.location,
        preferredMentorGender: p.preferredMentorGender,
        ownWorkerIds: JSON.stringify(links.map((l) => l.adviserId).sort()),
        ownTeamIds: JSON.stringify(teams),
        attendedDropIn: p.attendedDropIn,
        createdAt: at(20 - i),
      },
    });
  }
}

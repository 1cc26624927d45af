// Giving Time for the demo seed (issue 7): a dozen offers of time from seeded employees (different
// skills, times and towns; most with their manager's yes recorded), the library team offering its
// design equipment and sessions as a group (as in the Corporate Parenting Board report), a clear
// enhanced DBS check (with the children's barred list) for a few volunteers, and Jordan's open
// request for CV help, made by his personal adviser. Deterministic: fixed ids, dates from `now`.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import type { SkillKey, Slot } from "../app/domain/talent/skills.ts";

const DAY = 86_400_000;

/** The demo's known ids, for pages and tests. */
export const DEMO_TALENT_IDS = { libraryGroup: "seed-group-library", libraryOffer: "seed-offer-library", jordanRequest: "seed-request-jordan-cv" } as const;

type OfferSeed = {
  id: string;
  /** a generated employee's index (seed-person-N), or Sam, the demo's second employee */
  by: number | "sam";
  skills: SkillKey[];
  otherSkills?: string;
  hours: number;
  slots: Slot[];
  mode: "in_person" | "online" | "either";
  location: string | null;
  frequency: "one_off" | "regular";
  wouldMentor?: boolean;
  gender?: "woman" | "man";
  managerApproved: boolean | null;
  status?: "active" | "paused";
  group?: true;
};

const OFFERS: OfferSeed[] = [
  { id: "seed-offer-sam", by: "sam", skills: ["cv_help", "interview_practice"], hours: 4, slots: ["tue_evening", "thu_evening"], mode: "either", location: "Stockton", frequency: "regular", wouldMentor: true, gender: "man", managerApproved: true },
  { id: "seed-offer-0", by: 0, skills: ["cv_help"], otherSkills: "Application forms for council jobs", hours: 3, slots: ["mon_day", "wed_day"], mode: "in_person", location: "Stockton", frequency: "regular", gender: "woman", managerApproved: true },
  { id: "seed-offer-1", by: 1, skills: ["driving_practice"], hours: 4, slots: ["sat_day", "sun_day"], mode: "in_person", location: "Billingham", frequency: "regular", managerApproved: true },
  { id: "seed-offer-2", by: 2, skills: ["budgeting", "cv_help"], hours: 2, slots: ["tue_evening"], mode: "online", location: null, frequency: "regular", wouldMentor: true, gender: "woman", managerApproved: true },
  { id: "seed-offer-4", by: 4, skills: ["cooking"], otherSkills: "Cooking on a budget for one", hours: 6, slots: ["wed_evening", "sat_day"], mode: "in_person", location: "Thornaby", frequency: "regular", managerApproved: true },
  { id: "seed-offer-5", by: 5, skills: ["diy"], hours: 4, slots: ["sat_day"], mode: "in_person", location: "Norton", frequency: "one_off", gender: "man", managerApproved: true },
  { id: "seed-offer-6", by: 6, skills: ["it_help", "study_support"], hours: 3, slots: ["mon_evening", "thu_evening"], mode: "online", location: null, frequency: "regular", managerApproved: true },
  { id: "seed-offer-7", by: 7, skills: ["careers_talk"], otherSkills: "Working in highways and civil engineering", hours: 2, slots: ["fri_day"], mode: "either", location: "Stockton", frequency: "one_off", managerApproved: true },
  { id: "seed-offer-8", by: 8, skills: ["interview_practice"], hours: 2, slots: ["tue_day", "thu_day"], mode: "either", location: "Yarm", frequency: "regular", gender: "woman", managerApproved: null },
  { id: "seed-offer-9", by: 9, skills: ["budgeting"], hours: 3, slots: ["wed_evening"], mode: "in_person", location: "Ingleby Barwick", frequency: "regular", managerApproved: true, status: "paused" },
  { id: "seed-offer-10", by: 10, skills: ["study_support", "cv_help"], hours: 4, slots: ["mon_evening", "wed_evening"], mode: "either", location: "Thornaby", frequency: "regular", wouldMentor: true, managerApproved: false },
  {
    id: DEMO_TALENT_IDS.libraryOffer,
    by: 3,
    group: true,
    skills: ["design_and_making", "it_help"],
    otherSkills: "Use of the library's design equipment (vinyl cutter, heat press, design software) and sessions to design bags",
    hours: 8,
    slots: ["tue_day", "thu_day", "sat_day"],
    mode: "in_person",
    location: "Stockton",
    frequency: "regular",
    managerApproved: true,
  },
];

/** Volunteers with a clear enhanced DBS check (children's barred list), so under-18 requests can be linked in the demo. */
const DBS_CLEAR: (number | "sam")[] = ["sam", 0, 2];

export async function seedTalent(db: PrismaClient, { now }: { now: Date }): Promise<void> {
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@council.example" } });
  const sam = await db.user.findUniqueOrThrow({ where: { email: "sam.patel@council.example" } });
  const jordan = await db.user.findUniqueOrThrow({ where: { email: "jordan@young.example" } });
  const adviser = await db.user.findUniqueOrThrow({ where: { email: "pa.khan@council.example" } });

  // Generated employees exist only when the seed made enough of them: skip the offers of any that do not.
  const userIdOf = (by: number | "sam") => (by === "sam" ? sam.id : `seed-user-seed-person-${by}`);
  const generated = new Set(
    (await db.user.findMany({ where: { id: { in: OFFERS.map((o) => userIdOf(o.by)) } }, select: { id: true } })).map((u) => u.id),
  );
  const present = (by: number | "sam") => generated.has(userIdOf(by));

  const library = OFFERS.find((o) => o.group)!;
  if (present(library.by)) {
    await db.volunteerGroup.create({
      data: {
        id: DEMO_TALENT_IDS.libraryGroup,
        name: "Stockton Central Library team",
        description: "Our libraries' design equipment, space and staff: sessions for care leavers to design and make bags, prints and posters.",
        contactUserId: userIdOf(library.by),
        createdAt: at(40),
      },
    });
  }
  await db.timeOffer.createMany({
    data: OFFERS.filter((o) => present(o.by)).map((o, i) => ({
      id: o.id,
      userId: userIdOf(o.by),
      groupId: o.group ? DEMO_TALENT_IDS.libraryGroup : null,
      skills: JSON.stringify(o.skills),
      otherSkills: o.otherSkills ?? null,
      hoursPerMonth: o.hours,
      availability: JSON.stringify(o.slots),
      mode: o.mode,
      location: o.location,
      frequency: o.frequency,
      wouldMentor: o.wouldMentor ?? false,
      volunteerGender: o.gender ?? null,
      managerApproved: o.managerApproved,
      status: o.status ?? "active",
      createdAt: at(30 - i),
    })),
  });
  await db.dbsCheck.createMany({
    data: DBS_CLEAR.filter(present).map((by, i) => ({
      userId: userIdOf(by),
      level: "enhanced_barred",
      certificateNumber: `00123456789${i}`,
      issuedOn: at(60 + i * 30),
      outcome: "clear",
      recordedById: coordinator.id,
      recordedAt: at(50 + i * 30),
    })),
  });

  // Jordan's open request for CV help, made by his adviser.
  await db.helpRequest.create({
    data: {
      id: DEMO_TALENT_IDS.jordanRequest,
      youngPersonId: jordan.id,
      createdById: adviser.id,
      skills: JSON.stringify(["cv_help"] satisfies SkillKey[]),
      details: "A first CV and a covering letter for jobs in shops and garden centres.",
      availability: JSON.stringify(["tue_evening", "thu_evening"] satisfies Slot[]),
      mode: "either",
      location: "Stockton",
      hoursPerMonth: 2,
      preferredGender: null,
      otherPreferences: null,
      under18: false,
      status: "open",
      createdAt: at(2),
    },
  });
}

// talent.search_p95: the coordinator's Talent Network search (searchOffers, in process: the SQL filter
// and page, then the page's names, groups and DBS status) over 5,000 offers with varied skills, times,
// modes and towns, 1,500 of them partly booked by links. 200 searches with realistic filter mixes after
// a warm-up; the 95th percentile in ms. Goal: under 50 ms.
import { performance } from "node:perf_hooks";
import { SKILL_KEYS, SLOTS } from "~/domain/talent/skills";
import { EMPTY_SEARCH, type OfferSearch } from "~/domain/talent/search";
import { searchOffers } from "~/services/talent.server";
import { createBenchDatabase, printFigure } from "./run.ts";
import { ms2, p95 } from "./load.ts";

const OFFERS = 5_000;
const VOLUNTEERS = 2_500;
const LINKS = 1_500;
const WARM_UP = 20;
const SEARCHES = 200;
const TOWNS = ["Darlington", "Stockton", "Middlesbrough", "Hartlepool", "Redcar", "Durham", "Bishop Auckland", "Newton Aycliffe"];
const MODES = ["in_person", "online", "either"] as const;

/** A small deterministic generator, so every run searches the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export default async function run(): Promise<void> {
  const { client, cleanup } = await createBenchDatabase("talent");
  try {
    const rnd = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const some = <T>(list: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * most) }, () => pick(list)))];

    const people = Array.from({ length: VOLUNTEERS + 1 }, (_, i) => ({ id: `p${i}`, firstName: `First${i}`, lastName: `Last${i}`, email: `v${i}@bench.example` }));
    await client.person.createMany({ data: people });
    await client.user.createMany({ data: people.map((p) => ({ id: `u${p.id.slice(1)}`, personId: p.id, email: p.email })) });
    const groups = Array.from({ length: 50 }, (_, i) => ({ id: `g${i}`, name: `Team ${i}`, description: "Sessions and equipment", contactUserId: `u${i}` }));
    await client.volunteerGroup.createMany({ data: groups });
    await client.dbsCheck.createMany({
      data: Array.from({ length: 800 }, (_, i) => ({ userId: `u${i * 3}`, level: i % 4 === 0 ? "standard" : "enhanced_barred", certificateNumber: String(100000000000 + i), issuedOn: new Date("2025-06-01"), outcome: "clear", recordedById: `u${VOLUNTEERS}` })),
    });
    const day = 86_400_000;
    const offers = Array.from({ length: OFFERS }, (_, i) => {
      const mode = pick(MODES);
      return {
        id: `o${i}`,
        userId: `u${i % VOLUNTEERS}`,
        groupId: i % 40 === 0 ? pick(groups).id : null,
        skills: JSON.stringify(some(SKILL_KEYS, 3)),
        otherSkills: i % 5 === 0 ? "Happy to talk about working in a council" : null,
        hoursPerMonth: 1 + Math.floor(rnd() * 8),
        availability: JSON.stringify(some(SLOTS, 4)),
        mode,
        location: mode === "online" ? null : pick(TOWNS),
        frequency: rnd() < 0.5 ? "regular" : "one_off",
        wouldMentor: rnd() < 0.2,
        managerApproved: rnd() < 0.9,
        status: rnd() < 0.85 ? "active" : pick(["paused", "withdrawn"]),
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * (day / 20)),
      };
    });
    for (let i = 0; i < offers.length; i += 1_000) await client.timeOffer.createMany({ data: offers.slice(i, i + 1_000) });
    await client.helpRequest.createMany({
      data: Array.from({ length: LINKS }, (_, i) => ({ id: `r${i}`, youngPersonId: `u${VOLUNTEERS}`, createdById: `u${VOLUNTEERS}`, skills: JSON.stringify([pick(SKILL_KEYS)]), details: "Help", availability: "[]", mode: "either", hoursPerMonth: 1, status: "linked" })),
    });
    await client.helpLink.createMany({
      data: Array.from({ length: LINKS }, (_, i) => ({ requestId: `r${i}`, offerId: `o${Math.floor(rnd() * OFFERS)}`, hoursPerMonth: 1 + Math.floor(rnd() * 2), status: i % 10 === 0 ? "ended" : "active", createdById: `u${VOLUNTEERS}` })),
    });

    // What a coordinator searches: a skill nearly always, often a time, sometimes a place or hours left, now and then page 2.
    const searchFor = (): OfferSearch => {
      const mode = rnd() < 0.3 ? "in_person" : rnd() < 0.3 ? "online" : null;
      return {
        ...EMPTY_SEARCH,
        skill: rnd() < 0.9 ? pick(SKILL_KEYS) : null,
        slot: rnd() < 0.5 ? pick(SLOTS) : null,
        mode,
        area: mode !== "online" && rnd() < 0.4 ? pick(TOWNS) : "",
        minHoursLeft: rnd() < 0.3 ? 1 + Math.floor(rnd() * 4) : 0,
        page: rnd() < 0.15 ? 2 : 1,
      };
    };
    for (let i = 0; i < WARM_UP; i++) await searchOffers(searchFor(), client);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < SEARCHES; i++) {
      const search = searchFor();
      const started = performance.now();
      const result = await searchOffers(search, client);
      times.push(performance.now() - started);
      rows += result.rows.length;
    }
    if (rows === 0) throw new Error("no search found anything: the bench data or the search is wrong");
    printFigure("talent", "search_p95", ms2(p95(times)), "ms", OFFERS);
  } finally {
    await cleanup();
  }
}

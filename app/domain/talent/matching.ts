// Ranking offers for a young person's request: hard rules first (the offer is active, approved
// where needed, has the hours, meets safeguarding and the young person's preference), then a score
// from skill match, availability overlap and place, with the reasons shown to the coordinator.
import type { Mode, SkillKey, Slot } from "./skills";
import { SKILLS } from "./skills";

export type OfferFacts = {
  id: string;
  skills: readonly SkillKey[];
  availability: readonly Slot[];
  mode: Mode;
  location: string | null;
  hoursPerMonth: number;
  /** hours a month already reserved by active links */
  hoursLinked: number;
  status: string;
  managerApproved: boolean | null;
  volunteerGender: string | null;
  /** the volunteer (or group contact) has a clear DBS check on record */
  dbsClear: boolean;
};

export type RequestFacts = {
  skills: readonly SkillKey[];
  availability: readonly Slot[];
  mode: Mode;
  location: string | null;
  hoursPerMonth: number;
  preferredGender: string | null;
  under18: boolean;
};

export type Rules = { managerApprovalRequired: boolean; under18NeedsDbs: boolean };

/** Hours a month still free on an offer. */
export function hoursLeft(offer: Pick<OfferFacts, "hoursPerMonth" | "hoursLinked">): number {
  return Math.max(0, offer.hoursPerMonth - offer.hoursLinked);
}

/** Why an offer cannot be linked to this request (empty: it can). Plain sentences for the coordinator. */
export function linkRefusals(offer: OfferFacts, request: RequestFacts, rules: Rules, hoursWanted = request.hoursPerMonth): string[] {
  const refusals: string[] = [];
  if (offer.status !== "active") refusals.push(`The offer is ${offer.status}`);
  if (rules.managerApprovalRequired && offer.managerApproved !== true) refusals.push("The volunteer's manager has not approved the time");
  const left = hoursLeft(offer);
  if (hoursWanted > left) refusals.push(`The offer has ${left} ${left === 1 ? "hour" : "hours"} a month left, and this needs ${hoursWanted}`);
  if (rules.under18NeedsDbs && request.under18 && !offer.dbsClear) refusals.push("The young person is under 18 and the volunteer has no clear DBS check on record");
  if (request.preferredGender && offer.volunteerGender !== request.preferredGender) refusals.push(`The young person asked for a ${request.preferredGender} volunteer`);
  if (request.mode !== "either" && offer.mode !== "either" && request.mode !== offer.mode) refusals.push(`The young person wants help ${request.mode === "online" ? "online" : "in person"}`);
  return refusals;
}

export type Ranked = { offerId: string; score: number; reasons: string[] };

const sameplace = (a: string | null, b: string | null) => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

/**
 * Score an eligible offer (0–100): skills 60 (share of the skills asked for that are offered),
 * availability 30 (share of the young person's slots the volunteer also has), place 10 (online on
 * either side, or the same town). Reasons name what matched.
 */
export function scoreOffer(offer: OfferFacts, request: RequestFacts): Ranked {
  const reasons: string[] = [];
  const skillHits = request.skills.filter((s) => offer.skills.includes(s));
  const skillScore = request.skills.length ? (skillHits.length / request.skills.length) * 60 : 0;
  if (skillHits.length) reasons.push(`Skills: ${skillHits.map((s) => SKILLS[s]).join(", ")}`);
  const slotHits = request.availability.filter((s) => offer.availability.includes(s));
  const slotScore = request.availability.length ? (slotHits.length / request.availability.length) * 30 : 0;
  if (slotHits.length) reasons.push(`Free at the same times (${slotHits.length} of ${request.availability.length})`);
  let placeScore = 0;
  const online = request.mode !== "in_person" && offer.mode !== "in_person";
  if (online) {
    placeScore = 10;
    reasons.push("Can meet online");
  } else if (sameplace(offer.location, request.location)) {
    placeScore = 10;
    reasons.push(`Same area (${offer.location})`);
  }
  return { offerId: offer.id, score: Math.round(skillScore + slotScore + placeScore), reasons };
}

/**
 * The suggested short-list: eligible offers with at least one skill in common, best first (ties:
 * more hours left first, then id for a stable order), at most `limit`.
 */
export function shortList(offers: readonly OfferFacts[], request: RequestFacts, rules: Rules, limit = 10): Ranked[] {
  return offers
    .filter((o) => linkRefusals(o, request, rules).length === 0 && o.skills.some((s) => request.skills.includes(s)))
    .map((o) => ({ ranked: scoreOffer(o, request), left: hoursLeft(o) }))
    .sort((a, b) => b.ranked.score - a.ranked.score || b.left - a.left || a.ranked.offerId.localeCompare(b.ranked.offerId))
    .slice(0, limit)
    .map((x) => x.ranked);
}

/** Hours as minutes: whole quarter hours from 15 minutes to 12 hours a day. */
export function minutesProblem(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 15 || minutes > 12 * 60 || minutes % 15 !== 0) {
    return "Enter the time in quarter hours, from 0.25 to 12 hours";
  }
  return null;
}

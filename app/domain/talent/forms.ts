// The Giving Time forms: an offer of time (a person's or a group's), a group, and a young person's
// request for help. One Zod schema per form, shared by the route's action and the page; the words for
// each choice; the JSON-array columns (skills, availability) read back safely; and which changes an
// offer's status allows. Pure: no Remix, Prisma or clock.
import { z } from "zod";
import { checkboxList as list, optionalText as optional, requiredText as required, storedStrings, text as str, yesNo } from "../form-fields";
import { MODES, SKILLS, SLOTS, isMode, isSkillKey, isSlot, type Mode, type SkillKey, type Slot } from "./skills";

// ---- Choices ---------------------------------------------------------------------------------

export const FREQUENCIES = { one_off: "One-off", regular: "Regular" } as const;
export type Frequency = keyof typeof FREQUENCIES;
export const isFrequency = (v: string): v is Frequency => v in FREQUENCIES;

export const GENDERS = { woman: "A woman", man: "A man" } as const;
export type Gender = keyof typeof GENDERS;
export const isGender = (v: string): v is Gender => v in GENDERS;

export const OFFER_STATUSES = { active: "Active", paused: "Paused", withdrawn: "Withdrawn" } as const;
export type OfferStatus = keyof typeof OFFER_STATUSES;
export const isOfferStatus = (v: string): v is OfferStatus => v in OFFER_STATUSES;

export const REQUEST_STATUSES = { open: "Looking for a volunteer", linked: "Linked with a volunteer", completed: "Completed", closed: "Closed" } as const;
export type RequestStatus = keyof typeof REQUEST_STATUSES;
export const isRequestStatus = (v: string): v is RequestStatus => v in REQUEST_STATUSES;

/** Most hours a month one offer or one request can be for: more is a job, not volunteering. */
export const MAX_OFFER_HOURS = 40;
export const MAX_REQUEST_HOURS = 20;

// ---- Offer status ----------------------------------------------------------------------------

export type OfferChange = "pause" | "resume" | "withdraw" | "edit";

/** Why this change is not allowed for an offer in this status (null: it is). */
export function offerChangeProblem(status: string, change: OfferChange): string | null {
  if (status === "withdrawn") return "This offer has been withdrawn, so it cannot be changed. You can make a new offer at any time.";
  if (change === "pause" && status !== "active") return "This offer is already paused.";
  if (change === "resume" && status !== "paused") return "This offer is not paused.";
  return null;
}

// ---- Form values -----------------------------------------------------------------------------

/** Posted values: text fields as strings, checkbox groups (every value of a repeated name) as arrays. */
export type PostedValues = Record<string, string | string[]>;

/**
 * A form's entries → values: the names in `lists` are always arrays (a checkbox group sends its
 * name once per ticked box, or not at all); any other name keeps its first text value. Files are ignored.
 */
export function postedValues(entries: Iterable<[string, unknown]>, lists: readonly string[]): PostedValues {
  const out: PostedValues = Object.fromEntries(lists.map((name) => [name, [] as string[]]));
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const current = out[name];
    if (Array.isArray(current)) current.push(value);
    else if (current === undefined) out[name] = value;
  }
  return out;
}

// ---- Schema pieces ---------------------------------------------------------------------------

// A posted text field, trimmed; missing is "". preprocess, so a missing key still runs it.
// A checkbox group: one value or many or none → an array of strings (one value arrives as a string).


const SKILL_ORDER = Object.fromEntries(Object.keys(SKILLS).map((k, i) => [k, i])) as Record<SkillKey, number>;
const skillList = list.transform((v, ctx) => {
  if (!v.every(isSkillKey)) ctx.addIssue({ code: "custom", message: "Choose skills from the list" });
  return [...new Set(v.filter(isSkillKey))].sort((a, b) => SKILL_ORDER[a] - SKILL_ORDER[b]);
});
const slotList = (empty: string) =>
  list.transform((v, ctx) => {
    if (!v.every(isSlot)) ctx.addIssue({ code: "custom", message: "Choose times from the list" });
    else if (v.length === 0) ctx.addIssue({ code: "custom", message: empty });
    return [...new Set(v.filter(isSlot))].sort((a, b) => SLOTS.indexOf(a) - SLOTS.indexOf(b));
  });

/** Whole hours a month from 1 to `max`. */
const hours = (empty: string, max: number) =>
  str.transform((v, ctx) => {
    if (!v) {
      ctx.addIssue({ code: "custom", message: empty });
      return z.NEVER;
    }
    if (!/^\d+$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Enter the hours a month as a whole number, like 4" });
      return z.NEVER;
    }
    const n = Number(v);
    if (n < 1 || n > max) {
      ctx.addIssue({ code: "custom", message: `Enter between 1 and ${max} hours a month` });
      return z.NEVER;
    }
    return n;
  });

const mode = (message: string) => str.refine(isMode, message).transform((v) => v as Mode);

// Rules across fields run even when another field has a problem (`when`), so the page lists every
// problem at once; the value may then lack a field, hence the optional reads.
const always = { when: () => true };

/** In person (or either) needs a town or area (online help does not keep one). */
function placeRule(whose: "your" | "their"): [(v: { mode?: string; location?: string | null }) => boolean, { when: () => boolean; path: string[]; message: string }] {
  return [
    (v) => v.mode === "online" || !isMode(v.mode ?? "") || Boolean(v.location),
    { ...always, path: ["location"], message: whose === "your" ? "Enter the town or area where you can meet" : "Enter the town or area where they can meet" },
  ];
}

// ---- The offer -------------------------------------------------------------------------------

export const OFFER_LISTS = ["skills", "availability"] as const;

export const offerSchema = z
  .object({
    skills: skillList,
    otherSkills: optional(500, "Other skills must be 500 characters or fewer"),
    hoursPerMonth: hours("Enter how many hours a month you can give", MAX_OFFER_HOURS),
    availability: slotList("Choose at least one time when you are free"),
    mode: mode("Choose whether you can help in person, online or either"),
    location: optional(100, "The town or area must be 100 characters or fewer"),
    frequency: str.refine(isFrequency, "Choose one-off or regular").transform((v) => v as Frequency),
    wouldMentor: yesNo("Choose whether you would like to be considered as a mentor"),
    managerApproved: yesNo("Choose whether your manager has approved this time in your work hours"),
    // Optional: only used to honour a young person's request for a woman or a man volunteer.
    volunteerGender: str.refine((v) => v === "" || v === "not_say" || isGender(v), "Choose an answer from the list").transform((v) => (isGender(v) ? v : null)),
    groupId: str.transform((v) => (v === "" || v === "me" ? null : v)),
  })
  .refine((v) => Boolean(v.skills?.length) || Boolean(v.otherSkills), { ...always, path: ["skills"], message: "Choose at least one skill, or describe what you can offer" })
  .refine(...placeRule("your"))
  .transform((v) => ({ ...v, otherSkills: v.otherSkills || null, location: v.mode === "online" ? null : v.location }));
export type OfferInput = z.output<typeof offerSchema>;

/** A stored offer → the form's values (to fill the edit page). */
export function offerFormValues(o: {
  skills: string;
  otherSkills: string | null;
  hoursPerMonth: number;
  availability: string;
  mode: string;
  location: string | null;
  frequency: string;
  wouldMentor: boolean;
  managerApproved: boolean | null;
  volunteerGender: string | null;
  groupId: string | null;
}): PostedValues {
  return {
    skills: storedSkills(o.skills),
    otherSkills: o.otherSkills ?? "",
    hoursPerMonth: String(o.hoursPerMonth),
    availability: storedSlots(o.availability),
    mode: o.mode,
    location: o.location ?? "",
    frequency: o.frequency,
    wouldMentor: o.wouldMentor ? "yes" : "no",
    managerApproved: o.managerApproved === null ? "" : o.managerApproved ? "yes" : "no",
    volunteerGender: o.volunteerGender ?? "not_say",
    groupId: o.groupId ?? "me",
  };
}

// ---- A group ---------------------------------------------------------------------------------

export const groupSchema = z.object({
  name: required("Enter the name of the team or service", 100, "The name must be 100 characters or fewer"),
  description: required("Describe what the group can offer", 1000, "What the group offers must be 1,000 characters or fewer"),
});
export type GroupInput = z.output<typeof groupSchema>;

// ---- A request for help ----------------------------------------------------------------------

export const REQUEST_LISTS = ["skills", "availability"] as const;

export const requestSchema = z
  .object({
    // An adviser's choice from their caseload (the service checks the link); empty for a young person.
    youngPersonId: str,
    skills: skillList.refine((v) => v.length > 0, "Choose at least one kind of help"),
    details: required("Say what help is wanted", 1000, "What help is wanted must be 1,000 characters or fewer"),
    availability: slotList("Choose at least one time that suits"),
    mode: mode("Choose in person, online or either"),
    location: optional(100, "The town or area must be 100 characters or fewer"),
    hoursPerMonth: hours("Enter how many hours a month of help are wanted", MAX_REQUEST_HOURS),
    preferredGender: str.refine((v) => v === "none" || isGender(v), "Choose whether it matters if the volunteer is a woman or a man").transform((v) => (isGender(v) ? v : null)),
    otherPreferences: optional(500, "Other preferences must be 500 characters or fewer"),
    under18: yesNo("Choose whether the young person is under 18"),
  })
  .refine(...placeRule("their"))
  .transform((v) => ({ ...v, otherPreferences: v.otherPreferences || null, location: v.mode === "online" ? null : v.location }));
export type RequestInput = z.output<typeof requestSchema>;

// ---- Stored JSON arrays ----------------------------------------------------------------------


/** A skills column → the known skills in it (an unknown or broken value is dropped, never shown raw). */
export function storedSkills(text: string): SkillKey[] {
  return storedStrings(text).filter(isSkillKey);
}

/** An availability column → the known slots in it. */
export function storedSlots(text: string): Slot[] {
  return storedStrings(text).filter(isSlot);
}

/** Skills or slots → the column's JSON text. */
export function toStored(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** "CV help, Cooking" (and the free text, if any). */
export function skillsText(skills: readonly SkillKey[], other?: string | null): string {
  return [...skills.map((s) => SKILLS[s]), ...(other ? [other] : [])].join(", ");
}

export const modeText = (m: string, location: string | null): string => {
  const label = isMode(m) ? MODES[m] : m;
  return m !== "online" && location ? `${label}, ${location}` : label;
};

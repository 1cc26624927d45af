// The coordinator's Talent Network search (filters from the query string) and the link form. Pure.
import { z } from "zod";
import { isSkillKey, isSlot, type SkillKey, type Slot } from "./skills";

export const SEARCH_PAGE_SIZE = 20;

/** "online": can help online (online or either); "in_person": can meet in person (in person or either). */
export type ModeFilter = "online" | "in_person" | null;

export type OfferSearch = {
  skill: SkillKey | null;
  slot: Slot | null;
  mode: ModeFilter;
  /** a town or area: in person there (or online, unless mode is in_person) */
  area: string;
  minHoursLeft: number;
  page: number;
};

export const EMPTY_SEARCH: OfferSearch = { skill: null, slot: null, mode: null, area: "", minHoursLeft: 0, page: 1 };

const wholeAtLeast = (raw: string | null, min: number, fallback: number) => {
  const n = Number(raw ?? "");
  return raw !== null && raw.trim() !== "" && Number.isSafeInteger(n) && n >= min ? n : fallback;
};

/** The search's query string → filters; anything odd is ignored rather than failing the page. */
export function offerSearchOf(params: URLSearchParams): OfferSearch {
  const skill = params.get("skill") ?? "";
  const slot = params.get("slot") ?? "";
  const mode = params.get("mode") ?? "";
  return {
    skill: isSkillKey(skill) ? skill : null,
    slot: isSlot(slot) ? slot : null,
    mode: mode === "online" || mode === "in_person" ? mode : null,
    area: (params.get("area") ?? "").trim().slice(0, 80),
    minHoursLeft: Math.min(wholeAtLeast(params.get("hours"), 0, 0), 200),
    page: wholeAtLeast(params.get("page"), 1, 1),
  };
}

/** The filters back as a query string (page 1 and empty filters left out), for links and the pager. */
export function offerSearchParams(search: OfferSearch, extra: Record<string, string | null> = {}): string {
  const p = new URLSearchParams();
  if (search.skill) p.set("skill", search.skill);
  if (search.slot) p.set("slot", search.slot);
  if (search.mode) p.set("mode", search.mode);
  if (search.area) p.set("area", search.area);
  if (search.minHoursLeft > 0) p.set("hours", String(search.minHoursLeft));
  if (search.page > 1) p.set("page", String(search.page));
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The `LIKE` pattern that finds a key in a JSON array column (e.g. skills = ["cv_help","it_help"]); `\` escapes `_`. */
export function jsonArrayLike(key: string): string {
  return `%${JSON.stringify(key).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Pages of a list: how many, and the page clamped to them. */
export function pageOf(total: number, page: number, perPage = SEARCH_PAGE_SIZE): { pages: number; page: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const p = Math.min(Math.max(1, page), pages);
  return { pages, page: p, skip: (p - 1) * perPage };
}

/** The coordinator's "link" form: which offer, and how many hours a month it reserves. */
export const linkSchema = z.object({
  offerId: z.string().trim().min(1, "Choose an offer to link").max(64, "Choose an offer to link"),
  hoursPerMonth: z
    .string()
    .trim()
    .min(1, "Enter how many hours a month the link needs")
    .regex(/^\d+$/, "Enter the hours a month as a whole number, like 4")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, "Enter between 1 and 100 hours a month"),
});
export type LinkForm = z.infer<typeof linkSchema>;

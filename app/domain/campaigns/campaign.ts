// Campaigns: what counts towards a campaign's progress, whether it takes gifts, and the
// coordinator's form. Pure: no Remix, Prisma or clock (time comes in as `now`).
import { z } from "zod";
import { formatPence, parsePounds, toPoundsInput } from "~/domain/money";

export const CAMPAIGN_STATUSES = ["draft", "open", "closed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type CampaignTarget =
  | { targetKind: "money"; targetPence: number }
  | { targetKind: "count"; targetCount: number; unitPricePence: number; unitLabel: string };

/** The target as stored (nullable columns) → the target, or null when the row is inconsistent. */
export function targetOf(row: {
  targetKind: string;
  targetPence: number | null;
  targetCount: number | null;
  unitPricePence: number | null;
  unitLabel: string | null;
}): CampaignTarget | null {
  if (row.targetKind === "money" && row.targetPence && row.targetPence > 0) return { targetKind: "money", targetPence: row.targetPence };
  if (row.targetKind === "count" && row.targetCount && row.unitPricePence && row.unitPricePence > 0) {
    return { targetKind: "count", targetCount: row.targetCount, unitPricePence: row.unitPricePence, unitLabel: row.unitLabel || "item" };
  }
  return null;
}

/** What a target comes to in pence: the money target, or count × unit price. */
export function targetPenceOf(target: CampaignTarget): number {
  return target.targetKind === "money" ? target.targetPence : target.targetCount * target.unitPricePence;
}

/**
 * Donation statuses whose money (less what was refunded) the campaign keeps. A pending or failed
 * payment never arrived; a refunded gift or a lost dispute went back.
 */
export const COUNTED_STATUSES = ["paid", "partially_refunded", "disputed"] as const;

export type DonationForProgress = { amountPence: number; refundedPence: number; status: string; donorEmail: string };

/** The part of one donation that counts towards progress (0 for statuses that do not count). */
export function countedPence(d: Pick<DonationForProgress, "amountPence" | "refundedPence" | "status">): number {
  if (!(COUNTED_STATUSES as readonly string[]).includes(d.status)) return 0;
  return Math.max(0, d.amountPence - d.refundedPence);
}

export type Progress = {
  raisedPence: number;
  /** different people (by email) whose gift counts */
  donors: number;
  targetPence: number;
  /** 0–100, whole, capped at 100 */
  percent: number;
  /** for a count target: whole items the money raised pays for, and the target count */
  count: { done: number; target: number; unitLabel: string; unitPricePence: number } | null;
  /** the text equivalent of the bar, e.g. "£1,200 raised of £4,000 target" or "150 of 500 books" */
  text: string;
};

export function plural(n: number, label: string): string {
  return n === 1 ? label : `${label}s`;
}

export function campaignProgress(target: CampaignTarget, donations: readonly DonationForProgress[]): Progress {
  let raisedPence = 0;
  const donors = new Set<string>();
  for (const d of donations) {
    const counted = countedPence(d);
    if (counted > 0) {
      raisedPence += counted;
      donors.add(d.donorEmail.trim().toLowerCase());
    }
  }
  const targetPence = targetPenceOf(target);
  const percent = targetPence > 0 ? Math.min(100, Math.floor((raisedPence * 100) / targetPence)) : 0;
  if (target.targetKind === "count") {
    const done = Math.floor(raisedPence / target.unitPricePence);
    return {
      raisedPence,
      donors: donors.size,
      targetPence,
      percent,
      count: { done, target: target.targetCount, unitLabel: target.unitLabel, unitPricePence: target.unitPricePence },
      text: `${done} of ${target.targetCount} ${plural(target.targetCount, target.unitLabel)} (${formatPence(raisedPence)} raised of ${formatPence(targetPence)})`,
    };
  }
  return { raisedPence, donors: donors.size, targetPence, percent, count: null, text: `${formatPence(raisedPence)} raised of ${formatPence(targetPence)} target` };
}

export type CampaignDates = { status: string; startsOn: Date; endsOn: Date | null };

/**
 * Does the campaign take gifts at `now`? Only when it is open, has started, and its end date (a whole
 * day: gifts are taken until the end of that day, UTC) has not passed.
 */
export function isTakingGifts(c: CampaignDates, now: Date): boolean {
  if (c.status !== "open") return false;
  if (now < c.startsOn) return false;
  if (c.endsOn && now.getTime() >= c.endsOn.getTime() + 24 * 60 * 60 * 1000) return false;
  return true;
}

/** What the public sees of a campaign's state. */
export function publicState(c: CampaignDates, now: Date): "open" | "not_started" | "closed" {
  if (isTakingGifts(c, now)) return "open";
  if (c.status === "open" && now < c.startsOn) return "not_started";
  return "closed";
}

/** Shown publicly: open, and closed ones that ended in the last `recentDays` days. Drafts never. */
export function isPubliclyListed(c: CampaignDates & { updatedAt: Date }, now: Date, recentDays = 90): boolean {
  if (c.status === "draft") return false;
  if (c.status === "open") return true;
  const closedAt = c.endsOn && c.endsOn < c.updatedAt ? c.endsOn : c.updatedAt;
  return now.getTime() - closedAt.getTime() <= recentDays * 24 * 60 * 60 * 1000;
}

/** A URL-safe slug from a title: "A book for each child!" → "a-book-for-each-child". */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "campaign"
  );
}

// ---- The coordinator's campaign form -------------------------------------------------------

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseIsoDate(value: string): Date | null {
  if (!DATE_RE.test(value)) return null;
  const d = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

const pounds = (empty: string) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .transform((value, ctx) => {
      const p = parsePounds(value);
      if (p === null || p <= 0) {
        ctx.addIssue({ code: "custom", message: "Enter an amount in pounds, like 8 or 8.50" });
        return z.NEVER;
      }
      return p as number;
    });

/** The form fields (all strings, as posted). */
export type CampaignFormValues = Record<
  "title" | "story" | "targetKind" | "targetPounds" | "targetCount" | "unitPrice" | "unitLabel" | "startsOn" | "endsOn" | "imagePath" | "imageAlt",
  string
>;

export type CampaignInput = {
  title: string;
  story: string;
  target: CampaignTarget;
  startsOn: Date;
  endsOn: Date | null;
  imagePath: string | null;
  imageAlt: string | null;
};

const text = z.string().default("");
const baseSchema = z.object({
  title: text,
  story: text,
  targetKind: text,
  startsOn: text,
  endsOn: text,
  imagePath: text,
  imageAlt: text,
  targetPounds: text,
  targetCount: text,
  unitPrice: text,
  unitLabel: text,
});

/** The campaign form schema: strings as posted → a CampaignInput, with a message per field at fault. */
export const campaignFormSchema = baseSchema.transform((raw, ctx): CampaignInput => {
  const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const v = Object.fromEntries(Object.entries(raw).map(([k, x]) => [k, x.trim()])) as typeof raw;
  if (!v.title) fail("title", "Enter the campaign's title");
  else if (v.title.length > 120) fail("title", "The title must be 120 characters or fewer");
  if (!v.story) fail("story", "Enter the campaign's story");
  else if (v.story.length > 5000) fail("story", "The story must be 5,000 characters or fewer");
  if (v.targetKind !== "money" && v.targetKind !== "count") fail("targetKind", "Choose whether the target is an amount of money or a number of items");
  const startsOn = v.startsOn ? parseIsoDate(v.startsOn) : null;
  if (!v.startsOn) fail("startsOn", "Enter the date the campaign starts, like 2026-12-01");
  else if (!startsOn) fail("startsOn", "The start date must be a real date, like 2026-12-01");
  let endsOn: Date | null = null;
  if (v.endsOn) {
    endsOn = parseIsoDate(v.endsOn);
    if (!endsOn) fail("endsOn", "The end date must be a real date, like 2027-03-31");
    else if (startsOn && endsOn < startsOn) fail("endsOn", "The end date must be on or after the start date");
  }
  if (v.imagePath.length > 200) fail("imagePath", "The image path must be 200 characters or fewer");
  else if (v.imagePath && !/^\/[A-Za-z0-9/_.-]+\.(png|jpe?g|webp|gif|svg)$/i.test(v.imagePath)) {
    fail("imagePath", "The image path must be a file under public/, like /images/books.jpg");
  }
  if (v.imageAlt.length > 300) fail("imageAlt", "The image description must be 300 characters or fewer");
  else if (v.imagePath && !v.imageAlt) fail("imageAlt", "Describe the image for people who cannot see it");
  let target: CampaignTarget | null = null;
  if (v.targetKind === "money") {
    const r = pounds("Enter the target in pounds").safeParse(v.targetPounds);
    if (!r.success) fail("targetPounds", r.error.issues[0].message);
    else target = { targetKind: "money", targetPence: r.data };
  } else if (v.targetKind === "count") {
    const count = /^\d{1,7}$/.test(v.targetCount.trim()) ? Number(v.targetCount.trim()) : NaN;
    if (!(count > 0)) fail("targetCount", "Enter how many items, as a whole number, like 500");
    const price = pounds("Enter the price of one item in pounds").safeParse(v.unitPrice);
    if (!price.success) fail("unitPrice", price.error.issues[0].message);
    const label = v.unitLabel.trim();
    if (!label) fail("unitLabel", "Enter what one item is called, like book");
    else if (label.length > 40) fail("unitLabel", "What one item is called must be 40 characters or fewer");
    if (count > 0 && price.success && label && label.length <= 40) {
      target = { targetKind: "count", targetCount: count, unitPricePence: price.data, unitLabel: label };
    }
  }
  if (!startsOn || !target || ctx.issues.length) return z.NEVER;
  return { title: v.title, story: v.story, target, startsOn, endsOn, imagePath: v.imagePath || null, imageAlt: v.imagePath ? v.imageAlt : null };
});

/** A stored campaign as the form shows it. */
export function formValuesOf(c: {
  title: string;
  story: string;
  targetKind: string;
  targetPence: number | null;
  targetCount: number | null;
  unitPricePence: number | null;
  unitLabel: string | null;
  startsOn: Date;
  endsOn: Date | null;
  imagePath: string | null;
  imageAlt: string | null;
}): CampaignFormValues {
  const poundsOf = toPoundsInput;
  return {
    title: c.title,
    story: c.story,
    targetKind: c.targetKind,
    targetPounds: c.targetKind === "money" ? poundsOf(c.targetPence) : "",
    targetCount: c.targetCount ? String(c.targetCount) : "",
    unitPrice: poundsOf(c.unitPricePence),
    unitLabel: c.unitLabel ?? "",
    startsOn: c.startsOn.toISOString().slice(0, 10),
    endsOn: c.endsOn ? c.endsOn.toISOString().slice(0, 10) : "",
    imagePath: c.imagePath ?? "",
    imageAlt: c.imageAlt ?? "",
  };
}

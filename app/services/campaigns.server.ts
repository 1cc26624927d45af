// Campaigns: the coordinator's writes (create, edit, open, close, each audited), what the public pages
// show (progress derived from Donation rows, never cached), and the donate journey's answers between steps.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { audit } from "~/services/audit.server";
import { loadEnv } from "~/utils/env.server";
import {
  COUNTED_STATUSES,
  campaignProgress,
  isPubliclyListed,
  isTakingGifts,
  publicState,
  slugify,
  targetOf,
  type CampaignInput,
  type Progress,
} from "~/domain/campaigns/campaign";
import { publicDonorName } from "~/domain/campaigns/donate";
import { isGiftAidOffered } from "~/domain/gift-aid/declaration";

export class CampaignError extends Error {}

type Actor = { userId: string; role?: string };

const targetColumns = (input: CampaignInput) =>
  input.target.targetKind === "money"
    ? { targetKind: "money", targetPence: input.target.targetPence, targetCount: null, unitPricePence: null, unitLabel: null }
    : {
        targetKind: "count",
        targetPence: null,
        targetCount: input.target.targetCount,
        unitPricePence: input.target.unitPricePence,
        unitLabel: input.target.unitLabel,
      };

async function freeSlug(title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await db().campaign.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** A new campaign, as a draft (not public until opened). */
export async function createCampaign(input: CampaignInput, actor: Actor): Promise<{ id: string; slug: string }> {
  const slug = await freeSlug(input.title);
  return db().$transaction(async (tx) => {
    const row = await tx.campaign.create({
      data: {
        slug,
        title: input.title,
        story: input.story,
        ...targetColumns(input),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        imagePath: input.imagePath,
        imageAlt: input.imageAlt,
        status: "draft",
      },
      select: { id: true, slug: true },
    });
    await audit({ actorUserId: actor.userId, actorRole: actor.role ?? "coordinator", action: "campaign.created", entityType: "Campaign", entityId: row.id, detail: { slug } }, tx);
    return row;
  });
}

/** Edit a campaign's details (its slug, and so its public address, stays). */
export async function updateCampaign(id: string, input: CampaignInput, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const found = await tx.campaign.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new CampaignError("There is no such campaign.");
    await tx.campaign.update({
      where: { id },
      data: { title: input.title, story: input.story, ...targetColumns(input), startsOn: input.startsOn, endsOn: input.endsOn, imagePath: input.imagePath, imageAlt: input.imageAlt },
    });
    await audit({ actorUserId: actor.userId, actorRole: actor.role ?? "coordinator", action: "campaign.updated", entityType: "Campaign", entityId: id }, tx);
  });
}

/** Open (takes gifts from its start date) or close (takes no more gifts) a campaign. */
export async function setCampaignStatus(id: string, status: "open" | "closed", actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const found = await tx.campaign.findUnique({ where: { id }, select: { status: true } });
    if (!found) throw new CampaignError("There is no such campaign.");
    if (found.status === status) throw new CampaignError(status === "open" ? "This campaign is already open." : "This campaign is already closed.");
    await tx.campaign.update({ where: { id }, data: { status } });
    await audit(
      { actorUserId: actor.userId, actorRole: actor.role ?? "coordinator", action: status === "open" ? "campaign.opened" : "campaign.closed", entityType: "Campaign", entityId: id, detail: { from: found.status } },
      tx,
    );
  });
}

type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignById>>>;

export function campaignById(id: string) {
  return db().campaign.findUnique({ where: { id } });
}

/** Progress for each campaign id, from its donations (one query). */
export async function progressFor(campaigns: readonly CampaignRow[]): Promise<Map<string, Progress>> {
  const donations = await db().donation.findMany({
    where: { campaignId: { in: campaigns.map((c) => c.id) }, status: { in: [...COUNTED_STATUSES] } },
    select: { campaignId: true, amountPence: true, refundedPence: true, status: true, donorEmail: true },
  });
  const out = new Map<string, Progress>();
  for (const c of campaigns) {
    const target = targetOf(c);
    if (!target) continue;
    out.set(c.id, campaignProgress(target, donations.filter((d) => d.campaignId === c.id)));
  }
  return out;
}

export type CampaignSummary = {
  id: string;
  slug: string;
  title: string;
  status: string;
  state: "open" | "not_started" | "closed";
  startsOn: string;
  endsOn: string | null;
  imagePath: string | null;
  imageAlt: string | null;
  progress: Progress | null;
};

function summaryOf(c: CampaignRow, progress: Progress | undefined, now: Date): CampaignSummary {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    status: c.status,
    state: publicState(c, now),
    startsOn: c.startsOn.toISOString(),
    endsOn: c.endsOn?.toISOString() ?? null,
    imagePath: c.imagePath,
    imageAlt: c.imageAlt,
    progress: progress ?? null,
  };
}

/** The public list: open campaigns, then recently closed ones. */
export async function publicCampaigns(now: Date): Promise<CampaignSummary[]> {
  const rows = (await db().campaign.findMany({ where: { status: { in: ["open", "closed"] } }, orderBy: { startsOn: "desc" } })).filter((c) => isPubliclyListed(c, now));
  const progress = await progressFor(rows);
  const list = rows.map((c) => summaryOf(c, progress.get(c.id), now));
  return [...list.filter((c) => c.state !== "closed"), ...list.filter((c) => c.state === "closed")];
}

/** One public campaign page (not drafts): story, progress and the latest supporters who may be named. */
export async function publicCampaign(slug: string, now: Date) {
  const c = await db().campaign.findUnique({ where: { slug } });
  if (!c || c.status === "draft") return null;
  const progress = (await progressFor([c])).get(c.id) ?? null;
  const recent = await db().donation.findMany({
    where: { campaignId: c.id, status: { in: [...COUNTED_STATUSES] } },
    orderBy: { paidAt: "desc" },
    take: 5,
    select: { donorName: true, anonymous: true, amountPence: true, refundedPence: true },
  });
  return {
    ...summaryOf(c, progress ?? undefined, now),
    story: c.story,
    supporters: recent.filter((d) => d.amountPence > d.refundedPence).map((d) => publicDonorName(d)),
  };
}

/** Every campaign, for the coordinator. */
export async function coordinatorCampaigns(now: Date): Promise<CampaignSummary[]> {
  const rows = await db().campaign.findMany({ orderBy: { createdAt: "desc" } });
  const progress = await progressFor(rows);
  return rows.map((c) => summaryOf(c, progress.get(c.id), now));
}

/** Campaigns a gift can go to now. */
export async function campaignsTakingGifts(now: Date): Promise<{ id: string; slug: string; title: string }[]> {
  const rows = await db().campaign.findMany({ where: { status: "open" }, orderBy: { startsOn: "desc" } });
  return rows.filter((c) => isTakingGifts(c, now)).map((c) => ({ id: c.id, slug: c.slug, title: c.title }));
}

/** The campaign a gift is for, and whether it takes gifts now. */
export async function campaignForGift(where: { slug: string } | { id: string }, now: Date) {
  const c = await db().campaign.findUnique({ where });
  if (!c || c.status === "draft") return null;
  return { id: c.id, slug: c.slug, title: c.title, takingGifts: isTakingGifts(c, now) };
}

// ---- The donate journey's answers ---------------------------------------------------------

export type DonateDraft = {
  amountPence?: number;
  /** the campaign chosen ("" or absent: the fund in general) */
  campaignId?: string | null;
  donorName?: string;
  donorEmail?: string;
  anonymous?: boolean;
  giftAid?: boolean;
  declaration?: { title?: string; firstName: string; lastName: string; houseNameOrNumber: string; postcode: string; scope: "this_gift" | "all_gifts" };
};

const donateStorage = () =>
  createCookieSessionStorage({
    cookie: {
      name: "hh_donate",
      httpOnly: true,
      sameSite: "lax",
      secure: loadEnv().isProduction,
      path: "/donate",
      secrets: [loadEnv().SESSION_SECRET],
      // Short-lived: a journey's answers, not a record.
      maxAge: 60 * 60,
    },
  });

export async function readDonateDraft(request: Request): Promise<DonateDraft> {
  const session = await donateStorage().getSession(request.headers.get("Cookie"));
  return (session.get("draft") as DonateDraft | undefined) ?? {};
}

export async function saveDonateDraft(request: Request, draft: DonateDraft): Promise<string> {
  const storage = donateStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.set("draft", draft);
  return storage.commitSession(session);
}

export async function clearDonateDraft(request: Request): Promise<string> {
  const storage = donateStorage();
  return storage.destroySession(await storage.getSession(request.headers.get("Cookie")));
}

// ---- What the donate journey needs to know -------------------------------------------------

/** The settings the donate journey reads: limits, the fund's name, whether Gift Aid is offered today. */
export async function donateSettings(now: Date) {
  const s = await db().organisationSettings.findUnique({ where: { id: 1 } });
  return {
    limits: { minPence: s?.donationMinPence ?? 100, maxPence: s?.donationMaxPence ?? 1_000_000 },
    fundName: s?.fundName ?? "Helping Hands Fund",
    giftAidOffered: s ? isGiftAidOffered({ charityStatus: s.charityStatus, hmrcRecognisedOn: s.hmrcRecognisedOn }, now) : false,
  };
}

/**
 * The Gift Aid steps of the donate journey need the amount and the donor's details first, and exist
 * only while Gift Aid is offered; the declaration only after saying yes. Throws the redirect to the
 * step to go back to; otherwise the draft and the settings.
 */
export async function guardGiftAidStep(request: Request, step: "gift-aid" | "declaration", now = new Date()) {
  const draft = await readDonateDraft(request);
  if (!draft.amountPence) throw redirect("/donate");
  if (!draft.donorName || !draft.donorEmail) throw redirect("/donate/details");
  const settings = await donateSettings(now);
  if (!settings.giftAidOffered) throw redirect("/donate/check");
  if (step === "declaration" && !draft.giftAid) throw redirect("/donate/gift-aid");
  return { draft, settings, amountPence: draft.amountPence };
}

/** The first step a draft has not answered yet, or null when it is ready to check. */
export function missingStep(draft: DonateDraft, giftAidOffered: boolean): string | null {
  if (!draft.amountPence) return "/donate";
  if (!draft.donorName || !draft.donorEmail) return "/donate/details";
  if (giftAidOffered && draft.giftAid === undefined) return "/donate/gift-aid";
  if (giftAidOffered && draft.giftAid && !draft.declaration) return "/donate/declaration";
  return null;
}

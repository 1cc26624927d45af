// The fund's terms of reference: publish a new version (never edit one: the table is append-only, and
// a decision records the version it was made under), list the versions, and show the current one.
import { db } from "~/db.server";
import { linesOf, type TermsInput } from "~/domain/applications/form";
import { audit } from "~/services/audit.server";
import { ApplicationError, currentTerms, type Actor } from "~/services/applications.server";

export type TermsView = {
  id: string;
  version: number;
  funds: string[];
  doesNotFund: string[];
  maxAwardPence: number;
  decisionDates: string[];
  giveBack: string;
  criteria: string[];
  publishedAt: string;
};

type TermsRow = NonNullable<Awaited<ReturnType<typeof currentTerms>>>;

export function termsViewOf(t: TermsRow): TermsView {
  return {
    id: t.id,
    version: t.version,
    funds: linesOf(t.funds),
    doesNotFund: linesOf(t.doesNotFund),
    maxAwardPence: t.maxAwardPence,
    decisionDates: linesOf(t.decisionDates),
    giveBack: t.giveBack,
    criteria: linesOf(t.criteria),
    publishedAt: t.publishedAt.toISOString(),
  };
}

/** Publish the next version. Two publishing at once: the version is unique, so the second is refused. */
export async function publishTerms(input: TermsInput, actor: Actor, now = new Date()): Promise<{ id: string; version: number }> {
  try {
    return await db().$transaction(async (tx) => {
      const latest = await tx.termsOfReference.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
      const version = (latest?.version ?? 0) + 1;
      const row = await tx.termsOfReference.create({
        data: { version, ...input, publishedAt: now, publishedById: actor.userId },
        select: { id: true, version: true },
      });
      await audit(
        { actorUserId: actor.userId, actorRole: actor.roles.join(","), action: "terms.published", entityType: "TermsOfReference", entityId: row.id, detail: { version, maxAwardPence: input.maxAwardPence } },
        tx,
      );
      return row;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ApplicationError("Someone else published a new version just now. Look at the terms again before publishing.");
    throw error;
  }
}

/** The terms in force, as the pages show them (null before the first is published). */
export async function currentTermsView(): Promise<TermsView | null> {
  const t = await currentTerms();
  return t ? termsViewOf(t) : null;
}

/** Every version, newest first, with who published it. */
export async function termsVersions(): Promise<(TermsView & { publishedBy: string })[]> {
  const rows = await db().termsOfReference.findMany({ orderBy: { version: "desc" } });
  const people = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.publishedById))] } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } });
  const names = new Map(people.map((p) => [p.id, `${p.person.firstName} ${p.person.lastName}`]));
  return rows.map((r) => ({ ...termsViewOf(r), publishedBy: names.get(r.publishedById) ?? "Unknown" }));
}

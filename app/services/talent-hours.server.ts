// Hours given against links: the volunteer logs them, the coordinator approves or rejects each
// once, and approved hours add up to totals per person, group or team, and month (timeTotals feeds
// the impact pages and the Corporate Parenting Board report).
import { db } from "~/db.server";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { dateToDayKey, dayKeyToDate, dayProblem, lastMonths, timeTotalsFrom, totalsBy, type HoursEntry, type TimeTotals } from "~/domain/talent/hours";
import { minutesProblem } from "~/domain/talent/matching";
import { audit } from "~/services/audit.server";
import { TalentError, ownsOffer, type Actor } from "~/services/talent-links.server";

export const PENDING_PAGE_SIZE = 25;
export const PEOPLE_PAGE_SIZE = 25;

/**
 * Log hours against a link the actor volunteers on (active or completed), for a UK day not in the
 * future and not before the link was made. The log waits for the coordinator's approval.
 */
export async function logHours(linkId: string, entry: HoursEntry, actor: Actor, now = new Date()): Promise<string> {
  return db().$transaction(async (tx) => {
    const link = await tx.helpLink.findUnique({ where: { id: linkId }, include: { offer: { include: { group: true } } } });
    if (!link || !ownsOffer(link.offer, actor.userId)) throw new TalentError("There is no such link.");
    if (link.status !== "active" && link.status !== "completed") throw new TalentError("This link has ended, so hours can no longer be logged against it.");
    const problem = dayProblem(entry.dayKey, ukDayKey(now), ukDayKey(link.createdAt)) ?? minutesProblem(entry.minutes);
    if (problem) throw new TalentError(problem);
    const log = await tx.hoursLog.create({ data: { linkId, volunteerId: actor.userId, day: dayKeyToDate(entry.dayKey), minutes: entry.minutes, note: entry.note } });
    await audit({ actorUserId: actor.userId, actorRole: actor.roles.join(","), action: "hours.logged", entityType: "HoursLog", entityId: log.id, detail: { linkId, minutes: entry.minutes } }, tx);
    return log.id;
  });
}

/** Approve or reject a pending log: once (an optimistic check, so two coordinators cannot both decide it). */
export async function decideHours(logId: string, decision: "approved" | "rejected", actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.hoursLog.updateMany({ where: { id: logId, status: "pending" }, data: { status: decision, decidedById: actor.userId, decidedAt: now } });
    if (updated.count !== 1) throw new TalentError("These hours have already been approved or rejected: someone may have decided them just now.");
    await audit({ actorUserId: actor.userId, actorRole: "coordinator", action: `hours.${decision}`, entityType: "HoursLog", entityId: logId }, tx);
  });
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Hours waiting for approval, oldest first, paged. */
export async function pendingHours(page: number) {
  const where = { status: "pending" };
  const [total, rows] = await Promise.all([
    db().hoursLog.count({ where }),
    db().hoursLog.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PENDING_PAGE_SIZE,
      take: PENDING_PAGE_SIZE,
      select: { id: true, linkId: true, volunteerId: true, day: true, minutes: true, note: true, createdAt: true, link: { select: { offer: { select: { group: { select: { name: true } } } } } } },
    }),
  ]);
  const people = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.volunteerId))] } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } });
  const nameOf = new Map(people.map((u) => [u.id, fullName(u.person)]));
  return {
    logs: rows.map((r) => ({ id: r.id, linkId: r.linkId, volunteer: nameOf.get(r.volunteerId) ?? "", groupName: r.link.offer.group?.name ?? null, dayKey: dateToDayKey(r.day), minutes: r.minutes, note: r.note, loggedAt: r.createdAt })),
    total,
    pages: Math.max(1, Math.ceil(total / PENDING_PAGE_SIZE)),
  };
}

/**
 * Approved hours per person (paged in the database, most first), per group or team (a group's
 * offer counts for the group; an individual's for their department), and per month.
 */
export async function hoursTotals(peoplePage: number, now = new Date()) {
  const approved = { status: "approved" };
  const [people, peopleCount, byLink, months] = await Promise.all([
    db().hoursLog.groupBy({
      by: ["volunteerId"],
      where: approved,
      _sum: { minutes: true },
      orderBy: [{ _sum: { minutes: "desc" } }, { volunteerId: "asc" }],
      skip: (peoplePage - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
    }),
    db().hoursLog.groupBy({ by: ["volunteerId"], where: approved }).then((g) => g.length),
    db().hoursLog.groupBy({ by: ["linkId"], where: approved, _sum: { minutes: true } }),
    timeTotals(now),
  ]);
  const users = await db().user.findMany({
    where: { id: { in: people.map((p) => p.volunteerId) } },
    select: { id: true, person: { select: { firstName: true, lastName: true } } },
  });
  const nameOf = new Map(users.map((u) => [u.id, fullName(u.person)]));

  const links = await db().helpLink.findMany({
    where: { id: { in: byLink.map((l) => l.linkId) } },
    select: { id: true, offer: { select: { userId: true, group: { select: { name: true } } } } },
  });
  const soloUsers = await db().user.findMany({
    where: { id: { in: links.filter((l) => !l.offer.group).map((l) => l.offer.userId) } },
    select: { id: true, person: { select: { employee: { select: { department: true } } } } },
  });
  const departmentOf = new Map(soloUsers.map((u) => [u.id, u.person.employee?.department ?? null]));
  const teamOf = new Map(
    links.map((l) => [l.id, l.offer.group ? `Group: ${l.offer.group.name}` : departmentOf.get(l.offer.userId) ? `Team: ${departmentOf.get(l.offer.userId)}` : "No team recorded"]),
  );
  const byTeam = totalsBy(
    byLink.map((l) => ({ status: "approved", minutes: l._sum.minutes ?? 0, team: teamOf.get(l.linkId) ?? "No team recorded" })),
    (r) => r.team,
  );

  return {
    people: people.map((p) => ({ volunteerId: p.volunteerId, name: nameOf.get(p.volunteerId) ?? "", minutes: p._sum.minutes ?? 0 })),
    peoplePages: Math.max(1, Math.ceil(peopleCount / PEOPLE_PAGE_SIZE)),
    peopleCount,
    byTeam,
    months,
  };
}

/**
 * Approved hours in all, this UK month, and for each of the last 12 months (oldest first). For the
 * impact pages and the board report. Months are UK calendar months of the day the time was given.
 */
export async function timeTotals(now = new Date()): Promise<TimeTotals> {
  const todayKey = ukDayKey(now);
  const from = dayKeyToDate(`${lastMonths(todayKey, 12)[0]}-01`);
  const [all, days] = await Promise.all([
    db().hoursLog.aggregate({ where: { status: "approved" }, _sum: { minutes: true } }),
    // At most a year of days: summed into months here rather than in per-database SQL.
    db().hoursLog.groupBy({ by: ["day"], where: { status: "approved", day: { gte: from } }, _sum: { minutes: true } }),
  ]);
  const recent = timeTotalsFrom(
    days.map((d) => ({ status: "approved", minutes: d._sum.minutes ?? 0, dayKey: dateToDayKey(d.day) })),
    todayKey,
  );
  return { ...recent, totalMinutes: all._sum.minutes ?? 0 };
}

// A privacy notice for one audience, built from the data inventory (issue 10): every personal field
// tagged with the audience appears, so a field added to the inventory reaches its notice without
// anyone editing the page. The young people's notice translates the legal terms into plain words.

import type { Role } from "~/domain/roles";
import { basesOf, rowsForAudience, type Audience, type Inventory, type Sight } from "./inventory";

/** The notice pages' URLs, in the order the index lists them. */
export const NOTICE_SLUGS = { staff: "staff", donors: "donor", "young-people": "young_person" } as const satisfies Record<string, Audience>;
export type NoticeSlug = keyof typeof NOTICE_SLUGS;
export const audienceOf = (slug: string): Audience | null => (Object.hasOwn(NOTICE_SLUGS, slug) ? NOTICE_SLUGS[slug as NoticeSlug] : null);

export type NoticeItem = { data: string; purpose: string; basis: string; who: string; retention: string; extraCare: boolean };
export type NoticeSection = { model: string; title: string; items: NoticeItem[] };

/** The article 6 bases in the inventory's words (staff and donors) and in plain words (young people). */
const BASIS: Record<string, { name: string; plain: string }> = {
  a: { name: "consent", plain: "You said yes. You can change your mind at any time." },
  b: { name: "contract", plain: "You asked us to do something. We need this to do it." },
  c: { name: "legal obligation", plain: "The law says we must keep it." },
  d: { name: "vital interests", plain: "To keep someone safe from serious harm." },
  e: { name: "public task", plain: "It is part of the council's job." },
  f: { name: "legitimate interests", plain: "We have a good reason, and it is fair to you." },
};

const VIEWER_WORDS: Record<Exclude<Sight["viewer"], Role>, string> = { self: "you", public: "anyone", nobody: "no one (the service only)" };
const ROLE_WORDS: Record<Role, string> = {
  employee: "council employees",
  panel: "panel members",
  finance: "finance officers",
  coordinator: "the programme coordinator",
  young_person: "young people",
  personal_adviser: "personal advisers",
  admin: "administrators",
};

function who(sights: readonly Sight[], audience: Audience): string {
  return sights
    .map(({ viewer, note }) => {
      // A young person reads "your personal adviser": the note about whose adviser says nothing more.
      if (audience === "young_person" && viewer === "personal_adviser") return "your personal adviser";
      const base = viewer in VIEWER_WORDS ? VIEWER_WORDS[viewer as keyof typeof VIEWER_WORDS] : ROLE_WORDS[viewer as Role];
      return note ? `${base} (${note})` : base;
    })
    .join(", ");
}

/** "{retainGiftAidYears} years after …" with the council's current setting, or a plain fallback before settings exist. */
export function retentionText(retention: string, settings: Readonly<Record<string, unknown>> | null): string {
  return retention.replace(/\{(\w+)\}( (?:months|years))?/g, (_, name: string, unit: string | undefined) => {
    const value = settings?.[name];
    return typeof value === "number" ? `${value}${unit ?? ""}` : `the number of${unit ?? " months"} the council sets`;
  });
}

function basisText(cell: string, audience: Audience): string {
  const { article6, article9, article10 } = basesOf(cell);
  if (audience !== "young_person") return cell;
  return article6.map((code) => BASIS[code].plain).join(" ") + (article9.length || article10 ? " The law lets us use extra-private information like this to keep children and young people safe." : "");
}

/** The notice's sections: one per model with fields for this audience, titled by the inventory. */
export function buildNotice(inventory: Inventory, audience: Audience, settings: Readonly<Record<string, unknown>> | null): NoticeSection[] {
  return rowsForAudience(inventory, audience).map((group) => ({
    model: group.model,
    title: group.title,
    items: group.rows.map((row) => ({
      data: row.data,
      purpose: row.purpose,
      basis: basisText(row.lawfulBasis, audience),
      who: who(row.whoCanSee, audience),
      retention: retentionText(row.retention, settings),
      extraCare: row.personal === "special category" || row.personal === "criminal offence",
    })),
  }));
}

/** The names of the article 6 bases, for the staff and donor notices' explanation of the legal terms. */
export const BASIS_NAMES = Object.entries(BASIS).map(([code, b]) => ({ code: `art. 6(1)(${code})`, name: b.name }));

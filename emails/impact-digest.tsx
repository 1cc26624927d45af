// The monthly update for staff who asked for it: what the fund did last month, one story, how to give
// more, and a link that stops these emails at once. Award figures arrive already suppressed ("c"), so a
// young person cannot be picked out from them; money in from many donors is shown as it is.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";
import { formatPence } from "../app/domain/money.ts";
import { formatShown, SUPPRESSED, suppressionNote, type Shown } from "../app/domain/impact/suppression.ts";

export const IMPACT_DIGEST_TEMPLATE = "impact-digest";

export type ImpactDigestProps = {
  firstName: string;
  /** "November 2026" */
  monthLabel: string;
  money: { payrollPence: number; cardPence: number; giftAidPence: number; spentPence: Shown };
  awards: { rows: { label: string; count: Shown; amountPence: Shown }[]; total: { count: Shown; amountPence: Shown } };
  time: { hours: number; volunteers: number };
  mentoring: { pairs: Shown; sessions: number; hours: number };
  /** the newest story published in the month, if any */
  story: { title: string; body: string } | null;
  threshold: number;
  givingUrl: string;
  donateUrl: string;
  impactUrl: string;
  unsubscribeUrl: string;
};

/** A story is the young person's words: shown whole up to a length, then cut at a word with a link to the rest. */
const STORY_MAX = 700;
function shortStory(body: string): string {
  if (body.length <= STORY_MAX) return body;
  const cut = body.slice(0, STORY_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), STORY_MAX - 50)).trimEnd()}…`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
const hoursWords = (hours: number) => `${hours.toLocaleString("en-GB", { maximumFractionDigits: 1 })} ${hours === 1 ? "hour" : "hours"}`;
const shownPence = (value: Shown) => formatShown(value, formatPence);

const th = { textAlign: "left" as const, padding: "4px 16px 4px 0", borderBottom: "1px solid #b1b4b6" };
const td = { padding: "4px 16px 4px 0", borderBottom: "1px solid #b1b4b6" };
const num = { ...td, textAlign: "right" as const };

export function impactDigestEmail(p: ImpactDigestProps): RenderedEmail {
  // A short email: categories with no awards are left out (a zero hides nothing, so this gives nothing away).
  const awardRows = p.awards.rows.filter((r) => r.count !== 0);
  const subject = `What the fund did in ${p.monthLabel} – ${SERVICE_NAME}`;
  const inPence = p.money.payrollPence + p.money.cardPence + p.money.giftAidPence;
  const moneyIn = `Money in: ${formatPence(inPence)} (${formatPence(p.money.payrollPence)} from pay, ${formatPence(p.money.cardPence)} by card, ${formatPence(p.money.giftAidPence)} Gift Aid).`;
  const paidOut = `Paid out for young people: ${shownPence(p.money.spentPence)}.`;
  const awardsIntro =
    p.awards.total.count === 0 ? "The fund paid no awards this month." : `Awards paid: ${formatShown(p.awards.total.count)}, ${shownPence(p.awards.total.amountPence)} in all.`;
  const awardLines = p.awards.total.count === 0 ? [] : awardRows.map((r) => `${r.label}: ${formatShown(r.count)} (${shownPence(r.amountPence)})`);
  const time =
    p.time.volunteers > 0
      ? `Time given: ${hoursWords(p.time.hours)} by ${plural(p.time.volunteers, "volunteer", "volunteers")}.`
      : "Time given: no hours were logged this month.";
  const mentoring =
    p.mentoring.pairs === 0 && p.mentoring.sessions === 0
      ? "Mentoring: no pairs were meeting this month."
      : `Mentoring: ${formatShown(p.mentoring.pairs)} ${p.mentoring.pairs === 1 ? "pair was" : "pairs were"} going, with ${plural(p.mentoring.sessions, "session", "sessions")} (${hoursWords(p.mentoring.hours)}) logged.`;
  const story = p.story ? shortStory(p.story.body) : null;
  const shown: Shown[] = [p.money.spentPence, p.mentoring.pairs, p.awards.total.count, p.awards.total.amountPence, ...p.awards.rows.flatMap((r) => [r.count, r.amountPence])];
  // The note explains "c", so it comes only with one.
  const note = shown.includes(SUPPRESSED) ? suppressionNote(p.threshold) : null;
  const giveMore = "Want to do more? Change or start your regular gift from pay, or give once by card.";
  const unsubscribe = "You get this email because you asked for a monthly update on what the fund did. Stop these emails (this works at once):";

  const lines = [
    `Dear ${p.firstName},`,
    `Here is what the fund did in ${p.monthLabel}, thanks to you and your colleagues.`,
    moneyIn,
    paidOut,
    [awardsIntro, ...awardLines].join("\n"),
    time,
    mentoring,
    ...(note ? [note] : []),
    ...(p.story && story ? [`A story from a young person: ${p.story.title}\n${story}\nMore stories: ${p.impactUrl}`] : []),
    `${giveMore}\nYour giving: ${p.givingUrl}\nGive by card: ${p.donateUrl}`,
    `${unsubscribe} ${p.unsubscribeUrl}`,
  ];

  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{lines[1]}</Paragraph>
      <h2 style={{ fontSize: "22px", margin: "0 0 12px 0" }}>Money</h2>
      <Paragraph>
        {moneyIn}
        <br />
        {paidOut}
      </Paragraph>
      <h2 style={{ fontSize: "22px", margin: "0 0 12px 0" }}>What awards paid for</h2>
      <Paragraph>{awardsIntro}</Paragraph>
      {p.awards.total.count === 0 ? null : (
        <table style={{ borderCollapse: "collapse", margin: "0 0 20px 0" }}>
          <caption style={{ textAlign: "left", fontWeight: "bold", paddingBottom: "4px" }}>Awards paid in {p.monthLabel}, by what they were for</caption>
          <thead>
            <tr>
              <th scope="col" style={th}>
                What for
              </th>
              <th scope="col" style={{ ...th, textAlign: "right" }}>
                Awards
              </th>
              <th scope="col" style={{ ...th, textAlign: "right" }}>
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {awardRows.map((r) => (
              <tr key={r.label}>
                <th scope="row" style={{ ...td, textAlign: "left", fontWeight: "normal" }}>
                  {r.label}
                </th>
                <td style={num}>{formatShown(r.count)}</td>
                <td style={num}>{shownPence(r.amountPence)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" style={{ ...td, textAlign: "left" }}>
                Total
              </th>
              <td style={{ ...num, fontWeight: "bold" }}>{formatShown(p.awards.total.count)}</td>
              <td style={{ ...num, fontWeight: "bold" }}>{shownPence(p.awards.total.amountPence)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <h2 style={{ fontSize: "22px", margin: "0 0 12px 0" }}>Time and mentoring</h2>
      <Paragraph>
        {time}
        <br />
        {mentoring}
      </Paragraph>
      {note ? <p style={{ margin: "0 0 20px 0", fontSize: "16px", color: "#505a5f" }}>{note}</p> : null}
      {p.story && story ? (
        <>
          <h2 style={{ fontSize: "22px", margin: "0 0 12px 0" }}>A story: {p.story.title}</h2>
          <Paragraph>{story}</Paragraph>
          <Paragraph>
            <a href={p.impactUrl}>Read more stories and the fund&apos;s figures</a>
          </Paragraph>
        </>
      ) : null}
      <h2 style={{ fontSize: "22px", margin: "0 0 12px 0" }}>Give more</h2>
      <Paragraph>
        {giveMore}
        <br />
        <a href={p.givingUrl}>Your giving from pay</a>
        {" · "}
        <a href={p.donateUrl}>Give by card</a>
      </Paragraph>
      <p style={{ margin: "0 0 20px 0", fontSize: "16px" }}>
        You get this email because you asked for a monthly update on what the fund did.{" "}
        <a href={p.unsubscribeUrl}>Stop these emails</a> (this works at once).
      </p>
    </EmailLayout>,
  );
  return { template: IMPACT_DIGEST_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

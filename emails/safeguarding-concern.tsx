// A mentor's safeguarding concern, sent to the designated safeguarding lead (or, when settings name
// none, to every programme coordinator), marked urgent. This email is the only copy of the concern's
// text: the service never stores it. The subject carries no names, as inbox lists are widely seen.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const SAFEGUARDING_CONCERN_TEMPLATE = "safeguarding-concern";

export type SafeguardingConcernEmailProps = {
  /** true when it goes to the coordinators because no safeguarding lead is set */
  toCoordinators: boolean;
  mentorName: string;
  mentorEmail: string;
  youngPersonName: string;
  /** the young person's linked personal advisers, "Name (email)" */
  advisers: string[];
  cohortName: string;
  /** the pair's reference (its id), to find it in the service */
  pairReference: string;
  /** when it was raised, in words (UK time) */
  raisedAt: string;
  /** the mentor's words, as they wrote them */
  concern: string;
  /** the pair in the service (the coordinator can open it) */
  url: string;
};

export function safeguardingConcernEmail(p: SafeguardingConcernEmailProps): RenderedEmail {
  const subject = `URGENT: safeguarding concern from a mentor – ${SERVICE_NAME}`;
  const intro = `${p.mentorName}, a mentor in the mentoring pilot, has raised a safeguarding concern about the young person they mentor. Please act on it today, following the council's safeguarding procedures.`;
  const routing = p.toCoordinators
    ? "You are receiving this because no designated safeguarding lead is set up in the service, so it goes to every programme coordinator. Please make sure the safeguarding lead sees it, and ask an administrator to add the lead's address in the settings."
    : "You are receiving this as the designated safeguarding lead.";
  const advisers = p.advisers.length ? p.advisers.join("; ") : "None linked in the service";
  const kept = "This email is the only copy of the concern: the service does not keep its text. Keep it in your safeguarding records, and contact the mentor to follow it up.";
  const lines = [
    intro,
    routing,
    `Young person: ${p.youngPersonName}`,
    `Personal adviser: ${advisers}`,
    `Mentor: ${p.mentorName} (${p.mentorEmail})`,
    `Cohort: ${p.cohortName}`,
    `Pair reference: ${p.pairReference}`,
    `Raised: ${p.raisedAt}`,
    `The concern, in the mentor's words:\n${p.concern}`,
    kept,
    `The pair in the service: ${p.url}`,
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>
        <strong>Urgent.</strong> {intro}
      </Paragraph>
      <Paragraph>{routing}</Paragraph>
      <Paragraph>
        <strong>Young person:</strong> {p.youngPersonName}
        <br />
        <strong>Personal adviser:</strong> {advisers}
        <br />
        <strong>Mentor:</strong> {p.mentorName} ({p.mentorEmail})
        <br />
        <strong>Cohort:</strong> {p.cohortName}
        <br />
        <strong>Pair reference:</strong> {p.pairReference}
        <br />
        <strong>Raised:</strong> {p.raisedAt}
      </Paragraph>
      <Paragraph>
        <strong>The concern, in the mentor&rsquo;s words:</strong>
      </Paragraph>
      <div style={{ margin: "0 0 20px 0", padding: "12px 16px", borderLeft: "8px solid #d4351c", whiteSpace: "pre-wrap" }}>{p.concern}</div>
      <Paragraph>{kept}</Paragraph>
      <Paragraph>
        <a href={p.url}>The pair in the service</a>
      </Paragraph>
    </EmailLayout>,
  );
  return { template: SAFEGUARDING_CONCERN_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

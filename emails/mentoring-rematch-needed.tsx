// Sent to the programme coordinators when one side of a mentoring pair says after the first session
// that it is not a good fit: the pair has ended and both are free to be matched again. First names and
// which side said so only; the names in full are on the matching page.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const MENTORING_REMATCH_NEEDED_TEMPLATE = "mentoring-rematch-needed";

export type MentoringRematchNeededEmailProps = {
  firstName: string;
  cohortName: string;
  mentorFirstName: string;
  youngPersonFirstName: string;
  /** who said it was not a good fit */
  saidBy: "mentor" | "young_person";
  /** the cohort's matching page */
  url: string;
};

export function mentoringRematchNeededEmail(p: MentoringRematchNeededEmailProps): RenderedEmail {
  const subject = `A mentoring pair needs re-matching – ${SERVICE_NAME}`;
  const who = p.saidBy === "mentor" ? `the mentor, ${p.mentorFirstName}` : `the young person, ${p.youngPersonFirstName} (or their personal adviser)`;
  const lines = [
    `Dear ${p.firstName},`,
    `In ${p.cohortName}, ${who} said after the first session that the pair of ${p.mentorFirstName} and ${p.youngPersonFirstName} is not a good fit. The pair has ended; no other pair has changed.`,
    `Both are free to be matched again, and matching will not propose this pair again. Re-run matching for the cohort and confirm new pairs: ${p.url}`,
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{lines[1]}</Paragraph>
      <Paragraph>Both are free to be matched again, and matching will not propose this pair again.</Paragraph>
      <Paragraph>
        <a href={p.url}>Re-run matching for the cohort</a>
      </Paragraph>
    </EmailLayout>,
  );
  return { template: MENTORING_REMATCH_NEEDED_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

// Sent to a mentor when the coordinator confirms their pair. Only what matching used and they need to
// get ready: the young person's first name, interests, goals, the times that suit them and how or where
// they meet. Never a surname, contact details or anything from the young person's care history: the
// coordinator arranges the first meeting.
import { EmailLayout, FactLines, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const MENTORING_MATCHED_MENTOR_TEMPLATE = "mentoring-matched-mentor";

export type MentoringMatchedMentorEmailProps = {
  firstName: string;
  cohortName: string;
  youngPersonFirstName: string;
  /** their interests, in words */
  interests: string[];
  /** what they would like a mentor's help with, in words */
  goals: string[];
  /** the times that suit them, e.g. "Tuesday evening" */
  when: string[];
  /** "Online", or "In person, Darlington" */
  where: string;
  /** the pair in the service */
  url: string;
};

export function mentoringMatchedMentorEmail(p: MentoringMatchedMentorEmailProps): RenderedEmail {
  const subject = `You are mentoring ${p.youngPersonFirstName} – ${SERVICE_NAME}`;
  const intro = `Thank you for mentoring in ${p.cohortName}. The programme coordinator has paired you with ${p.youngPersonFirstName}.`;
  const or = (items: string[], none: string) => (items.length ? items.join(", ") : none);
  const rows: [string, string][] = [
    ["Interests", or(p.interests, "Not given")],
    ["Would like help with", or(p.goals, "Not given")],
    ["When suits them", or(p.when, "To be agreed")],
    ["Where", p.where],
  ];
  const next = `The coordinator will be in touch to arrange your first meeting. Please do not try to find or contact ${p.youngPersonFirstName} yourself.`;
  const lines = [`Dear ${p.firstName},`, intro, ...rows.map(([k, v]) => `${k}: ${v}`), next, `See your pair: ${p.url}`];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <FactLines rows={rows} />
      <Paragraph>{next}</Paragraph>
      <Paragraph>
        <a href={p.url}>See your pair</a>
      </Paragraph>
    </EmailLayout>,
  );
  return { template: MENTORING_MATCHED_MENTOR_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

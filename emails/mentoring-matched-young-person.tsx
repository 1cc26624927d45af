// Sent to the young person (and to each personal adviser linked with them) when the coordinator
// confirms their mentoring pair: the mentor's first name, what they can help with, their interests and
// how or where they meet. Never the mentor's surname or contact details: the coordinator arranges the
// first meeting.
import { EmailLayout, FactLines, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const MENTORING_MATCHED_YOUNG_PERSON_TEMPLATE = "mentoring-matched-young-person";

export type MentoringMatchedYoungPersonEmailProps = {
  /** who the email is to: the young person or their adviser */
  firstName: string;
  /** the young person's first name when the email goes to their adviser; null for the young person */
  forYoungPerson: string | null;
  cohortName: string;
  mentorFirstName: string;
  /** the mentor's skills, in words */
  skills: string[];
  /** the mentor's interests, in words */
  interests: string[];
  /** "Online", or "In person, Darlington" */
  where: string;
  /** the pair in the service */
  url: string;
};

export function mentoringMatchedYoungPersonEmail(p: MentoringMatchedYoungPersonEmailProps): RenderedEmail {
  const subject = p.forYoungPerson ? `A mentor for ${p.forYoungPerson} – ${SERVICE_NAME}` : `Your mentor – ${SERVICE_NAME}`;
  const intro = p.forYoungPerson
    ? `The programme coordinator has paired ${p.forYoungPerson} with a mentor in ${p.cohortName}: ${p.mentorFirstName}, who works for the council.`
    : `Good news: the programme coordinator has paired you with a mentor in ${p.cohortName}: ${p.mentorFirstName}, who works for the council.`;
  const or = (items: string[], none: string) => (items.length ? items.join(", ") : none);
  const rows: [string, string][] = [
    ["Can help with", or(p.skills, "Not given")],
    ["Interests", or(p.interests, "Not given")],
    ["Where", p.where],
  ];
  const next = `The coordinator will be in touch to arrange the first meeting. If anything about this does not feel right, tell the coordinator${p.forYoungPerson ? "" : " or your personal adviser"}.`;
  const lines = [`Dear ${p.firstName},`, intro, ...rows.map(([k, v]) => `${k}: ${v}`), next, `See the pair: ${p.url}`];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <FactLines rows={rows} />
      <Paragraph>{next}</Paragraph>
      <Paragraph>
        <a href={p.url}>See the pair</a>
      </Paragraph>
    </EmailLayout>,
  );
  return { template: MENTORING_MATCHED_YOUNG_PERSON_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

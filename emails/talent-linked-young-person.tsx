// Sent to the young person (and to the personal adviser who asked for them) when the coordinator links
// their request with a volunteer: the volunteer's first name, their group if any, and what they offer.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const TALENT_LINKED_YOUNG_PERSON_TEMPLATE = "talent-linked-young-person";

export type TalentLinkedYoungPersonEmailProps = {
  /** who the email is to: the young person or their adviser */
  firstName: string;
  /** the young person's first name when the email goes to their adviser; null for the young person */
  forYoungPerson: string | null;
  volunteerFirstName: string;
  groupName: string | null;
  /** what the volunteer offers, in words */
  offers: string;
  hoursPerMonth: number;
  /** the request in the service */
  url: string;
};

export function talentLinkedYoungPersonEmail(p: TalentLinkedYoungPersonEmailProps): RenderedEmail {
  const whose = p.forYoungPerson ? `${p.forYoungPerson}'s` : "your";
  const subject = `A volunteer for ${whose} request – ${SERVICE_NAME}`;
  const volunteer = `${p.volunteerFirstName}${p.groupName ? ` from ${p.groupName}` : ""}`;
  const hours = `${p.hoursPerMonth} ${p.hoursPerMonth === 1 ? "hour" : "hours"} a month`;
  const lines = [
    `Dear ${p.firstName},`,
    `Good news: the programme coordinator has linked ${whose} request for help with a volunteer, ${volunteer}.`,
    `What they offer: ${p.offers}`,
    `Time: ${hours}`,
    `The coordinator will be in touch to arrange the first meeting. If anything about this does not feel right, tell the coordinator${p.forYoungPerson ? "" : " or your personal adviser"}.`,
    `See the request: ${p.url}`,
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{lines[1]}</Paragraph>
      <Paragraph>
        <strong>What they offer:</strong> {p.offers}
        <br />
        <strong>Time:</strong> {hours}
      </Paragraph>
      <Paragraph>{lines[4]}</Paragraph>
      <Paragraph>
        <a href={p.url}>See the request</a>
      </Paragraph>
    </EmailLayout>,
  );
  return { template: TALENT_LINKED_YOUNG_PERSON_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

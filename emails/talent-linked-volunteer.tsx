// Sent to the volunteer when the coordinator links their offer with a young person's request. Only what
// they need to get ready: the young person's first name, what help, when and where. Never a surname or
// contact details: the coordinator shares those on the link when it is time to meet.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const TALENT_LINKED_VOLUNTEER_TEMPLATE = "talent-linked-volunteer";

export type TalentLinkedVolunteerEmailProps = {
  firstName: string;
  youngPersonFirstName: string;
  /** the skills asked for, in words */
  help: string;
  /** the young person's own words about the help they want */
  details: string;
  /** the times that suit them, e.g. "Monday evening" */
  when: string[];
  /** "Online", or "In person, Darlington" */
  where: string;
  hoursPerMonth: number;
  /** the group's name when the offer is a group's */
  groupName: string | null;
  /** the link in the service (log hours there) */
  url: string;
};

export function talentLinkedVolunteerEmail(p: TalentLinkedVolunteerEmailProps): RenderedEmail {
  const subject = `You have been linked with ${p.youngPersonFirstName} – ${SERVICE_NAME}`;
  const hours = `${p.hoursPerMonth} ${p.hoursPerMonth === 1 ? "hour" : "hours"} a month`;
  const intro = `Thank you for offering your time${p.groupName ? ` with ${p.groupName}` : ""}. The programme coordinator has linked your offer with ${p.youngPersonFirstName}, a young person who asked for help.`;
  const when = p.when.length ? p.when.join(", ") : "to be agreed";
  const next = `The coordinator will be in touch to arrange how you meet, and will share how to contact ${p.youngPersonFirstName} when it is time. Please do not try to find or contact them yourself before then.`;
  const lines = [
    `Dear ${p.firstName},`,
    intro,
    `What help: ${p.help}`,
    `In their words: ${p.details}`,
    `When suits them: ${when}`,
    `Where: ${p.where}`,
    `Time: ${hours}`,
    next,
    `See the link and log your hours: ${p.url}`,
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <Paragraph>
        <strong>What help:</strong> {p.help}
        <br />
        <strong>In their words:</strong> {p.details}
        <br />
        <strong>When suits them:</strong> {when}
        <br />
        <strong>Where:</strong> {p.where}
        <br />
        <strong>Time:</strong> {hours}
      </Paragraph>
      <Paragraph>{next}</Paragraph>
      <Paragraph>
        <a href={p.url}>See the link and log your hours</a>
      </Paragraph>
    </EmailLayout>,
  );
  return { template: TALENT_LINKED_VOLUNTEER_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

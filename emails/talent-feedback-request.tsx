// Sent to both sides when the coordinator marks a Giving Time link completed: thank you, and how did
// it go? Each side is named to the other by first name only (and the group, for a group's offer).
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const TALENT_FEEDBACK_REQUEST_TEMPLATE = "talent-feedback-request";

export type TalentFeedbackRequestEmailProps = {
  firstName: string;
  /** the other side, e.g. "Jordan" or "Alex from the Library team" */
  otherSide: string;
  /** "volunteer": the volunteer's email; "young_person": to the young person or their adviser */
  side: "volunteer" | "young_person";
  /** the feedback form in the service */
  url: string;
};

export function talentFeedbackRequestEmail(props: TalentFeedbackRequestEmailProps): RenderedEmail {
  const subject = `How did it go? – ${SERVICE_NAME}`;
  const thanks =
    props.side === "volunteer"
      ? `Thank you for giving your time to help ${props.otherSide}. The programme coordinator has marked the help as completed.`
      : `The help from ${props.otherSide} has finished. We hope it was useful.`;
  const lines = [
    `Dear ${props.firstName},`,
    thanks,
    "It takes a minute to tell us how it went. Only the programme coordinator reads it, and it helps us link people well.",
    `Tell us how it went: ${props.url}`,
    props.side === "volunteer" ? "You can still log any hours you gave before it finished." : "If you have a question, talk to your personal adviser or reply to this email.",
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{lines[1]}</Paragraph>
      <Paragraph>{lines[2]}</Paragraph>
      <Paragraph>
        <a href={props.url}>Tell us how it went</a>
      </Paragraph>
      <Paragraph>{lines[4]}</Paragraph>
    </EmailLayout>,
  );
  return { template: TALENT_FEEDBACK_REQUEST_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

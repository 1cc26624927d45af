// Sent to the young person some weeks after their award was paid: how did it help, and what might
// they give back. Short and optional in tone; the story is shared only if they say yes.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const FOLLOW_UP_REQUEST_TEMPLATE = "follow-up-request";

export type FollowUpRequestEmailProps = {
  firstName: string;
  reference: string;
  /** the follow-up form in the service */
  url: string;
};

export function followUpRequestEmail(props: FollowUpRequestEmailProps): RenderedEmail {
  const subject = `How did the support help? (${props.reference}) – ${SERVICE_NAME}`;
  const lines = [
    `Dear ${props.firstName},`,
    `A few weeks ago the fund paid for your application ${props.reference}. We would like to know how it helped you.`,
    "It takes about 2 minutes: a sentence or two about what difference it made, and whether you might like to give something back one day, for example helping at an event or talking to council staff. There is no pressure to say yes.",
    "We will only share your story if you say we can, and never with your name.",
    `Answer the questions: ${props.url}`,
    "If you have a question, talk to your personal adviser or reply to this email.",
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{lines[1]}</Paragraph>
      <Paragraph>{lines[2]}</Paragraph>
      <Paragraph>{lines[3]}</Paragraph>
      <Paragraph>
        <a href={props.url}>Answer the questions</a>
      </Paragraph>
      <Paragraph>{lines[5]}</Paragraph>
    </EmailLayout>,
  );
  return { template: FOLLOW_UP_REQUEST_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

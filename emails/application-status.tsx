// Sent to the young person (and their adviser) at every change of an application's status.
// Plain words; nothing the panel said, only what the applicant needs and where to look.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const APPLICATION_STATUS_TEMPLATE = "application-status";

export type ApplicationStatusEmailProps = {
  firstName: string;
  reference: string;
  /** the status label, e.g. "With the panel" */
  statusLabel: string;
  /** one or two sentences: what happened and what happens next */
  message: string;
  /** a link to the application in the service */
  url: string;
};

export function applicationStatusEmail(props: ApplicationStatusEmailProps): RenderedEmail {
  const subject = `Your application ${props.reference}: ${props.statusLabel} – ${SERVICE_NAME}`;
  const lines = [
    `Dear ${props.firstName},`,
    `Your application ${props.reference} is now: ${props.statusLabel}.`,
    props.message,
    `See your application: ${props.url}`,
    "If you have a question, talk to your personal adviser or reply to this email.",
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>
        Your application {props.reference} is now: <strong>{props.statusLabel}</strong>.
      </Paragraph>
      <Paragraph>{props.message}</Paragraph>
      <Paragraph>
        <a href={props.url}>See your application</a>
      </Paragraph>
      <Paragraph>{lines[4]}</Paragraph>
    </EmailLayout>,
  );
  return { template: APPLICATION_STATUS_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

// The confirmation email after an employee sets up or changes their regular gift from pay.
// One template for every change type; the template name says which ("pledge-create", "pledge-stop", ...).
import type { ChangeType } from "../app/domain/pledges/pledge.ts";
import { changeSummary } from "../app/domain/pledges/authorisation.ts";
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

const SUBJECTS: Record<ChangeType, string> = {
  create: "Your regular gift from pay is set up",
  amend: "Your regular gift from pay has changed",
  pause: "Your regular gift from pay is paused",
  resume: "Your regular gift from pay has restarted",
  stop: "Your regular gift from pay has stopped",
};

export const pledgeTemplateName = (type: ChangeType) => `pledge-${type}`;

export type PledgeChangeEmailInput = {
  firstName: string;
  type: ChangeType;
  amountPence: number;
  periodLabel: string;
  pauseUntil?: Date | null;
  /** the authorisation wording agreed (create and amend) */
  wording?: string | null;
  madeAt: string;
};

export function pledgeChangeEmail(input: PledgeChangeEmailInput): RenderedEmail {
  const subject = `${SUBJECTS[input.type]} – ${SERVICE_NAME}`;
  const greeting = `Dear ${input.firstName},`;
  const summary = changeSummary(input);
  const when = `You made this change on ${input.madeAt}.`;
  const agreed = input.wording ? `What you agreed to: "${input.wording}"` : null;
  const manage = `You can change, pause or stop your gift at any time on the "My giving" page of ${SERVICE_NAME}.`;
  const notYou = "If you did not make this change, tell the council's payroll team straight away.";
  const paragraphs = [greeting, summary, when, ...(agreed ? [agreed] : []), manage, notYou];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      {paragraphs.map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
    </EmailLayout>,
  );
  return { template: pledgeTemplateName(input.type), subject, html, text: renderEmailText(paragraphs) };
}

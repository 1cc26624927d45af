// Sent when all or part of a card gift is refunded.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, type RenderedEmail } from "./layout";
import { formatPence } from "../app/domain/money.ts";

export const REFUND_NOTICE_TEMPLATE = "refund-notice";

export type RefundNoticeProps = {
  donorName: string;
  fundName: string;
  reference: string;
  amountPence: number;
  refundedNowPence: number;
  refundedInAllPence: number;
};

export function refundNoticeEmail(props: RefundNoticeProps): RenderedEmail {
  const subject = `We have refunded ${formatPence(props.refundedNowPence)} of your gift ${props.reference}`;
  const whole = props.refundedInAllPence >= props.amountPence;
  const lines = [
    `Dear ${props.donorName},`,
    `We have refunded ${formatPence(props.refundedNowPence)} of your ${formatPence(props.amountPence)} gift to ${props.fundName} (reference ${props.reference}).`,
    whole
      ? "Your whole gift has now been refunded. We will not claim Gift Aid on it."
      : `In all, ${formatPence(props.refundedInAllPence)} has been refunded.`,
    "The money goes back to the card you paid with. It can take 5 to 10 working days to appear.",
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      {lines.map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
    </EmailLayout>,
  );
  return { template: REFUND_NOTICE_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

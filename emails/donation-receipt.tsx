// The receipt for a one-off card gift, sent once when the payment is confirmed.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, type RenderedEmail } from "./layout";
import { formatPence } from "../app/domain/money.ts";

export const DONATION_RECEIPT_TEMPLATE = "donation-receipt";

export type DonationReceiptProps = {
  donorName: string;
  fundName: string;
  campaignTitle: string | null;
  amountPence: number;
  paidAt: Date;
  reference: string;
  giftAid: boolean;
  /** the signed link that cancels the donor's Gift Aid declaration (with Gift Aid only) */
  cancelGiftAidUrl?: string | null;
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

export function donationReceiptEmail(props: DonationReceiptProps): RenderedEmail {
  const amount = formatPence(props.amountPence);
  const subject = `Thank you for your gift of ${amount} to ${props.fundName}`;
  const to = props.campaignTitle ? `${props.fundName}, for ${props.campaignTitle}` : props.fundName;
  const giftAid = props.giftAid
    ? "Gift Aid: yes. You told us you are a UK taxpayer and asked us to claim Gift Aid on this gift."
    : "Gift Aid: no. We will not claim Gift Aid on this gift.";
  const lines = [
    `Dear ${props.donorName},`,
    `Thank you for giving ${amount} to ${to}.`,
    `Amount: ${amount}`,
    `Date: ${dateFormat.format(props.paidAt)}`,
    `Reference: ${props.reference}`,
    giftAid,
    ...(props.giftAid && props.cancelGiftAidUrl
      ? [`If you stop paying enough UK tax, or change your mind, cancel your Gift Aid declaration: ${props.cancelGiftAidUrl}`]
      : []),
    "Keep this email as your receipt. If you have a question about your gift, reply with its reference.",
  ];
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>{lines[0]}</Paragraph>
      <Paragraph>{lines[1]}</Paragraph>
      <table style={{ borderCollapse: "collapse", margin: "0 0 20px 0" }}>
        <tbody>
          <tr><th style={{ textAlign: "left", paddingRight: "16px" }}>Amount</th><td>{amount}</td></tr>
          <tr><th style={{ textAlign: "left", paddingRight: "16px" }}>Date</th><td>{dateFormat.format(props.paidAt)}</td></tr>
          <tr><th style={{ textAlign: "left", paddingRight: "16px" }}>Reference</th><td>{props.reference}</td></tr>
          <tr><th style={{ textAlign: "left", paddingRight: "16px" }}>Gift Aid</th><td>{props.giftAid ? "Yes" : "No"}</td></tr>
        </tbody>
      </table>
      <Paragraph>{giftAid}</Paragraph>
      {props.giftAid && props.cancelGiftAidUrl ? (
        <Paragraph>
          If you stop paying enough UK tax, or change your mind, you can{" "}
          <a href={props.cancelGiftAidUrl}>cancel your Gift Aid declaration</a>.
        </Paragraph>
      ) : null}
      <Paragraph>{lines[lines.length - 1]}</Paragraph>
    </EmailLayout>,
  );
  return { template: DONATION_RECEIPT_TEMPLATE, subject, html, text: renderEmailText(lines) };
}

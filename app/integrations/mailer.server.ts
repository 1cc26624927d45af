// The one way the service sends email. With SENDGRID_API_KEY set it goes through SendGrid; without it
// (development, demo, tests) it lands in the OutboxEmail table, readable at /dev/outbox.
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { db, type DbTx } from "~/db.server";
import { loadEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

export type EmailMessage = {
  to: string;
  /** Which template made it (e.g. "sign-in-code"): kept in the outbox, never personal data. */
  template: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers for the real send (e.g. List-Unsubscribe); the outbox keeps only the fields above. */
  headers?: Record<string, string>;
};

/** The outbox row of a message: its table has no column for headers. */
const outboxRow = ({ headers: _headers, ...row }: EmailMessage) => row;

export class MailerError extends Error {}

const SEND_TIMEOUT_MS = 10_000;

// The test seam: point the SendGrid client at a local fake server. null = SendGrid's own address.
let sendGridBaseUrl: string | null = null;

/** For tests only: send SendGrid requests to `url` (a fake server on 127.0.0.1) instead of api.sendgrid.com. */
export function setSendGridBaseUrlForTests(url: string | null): void {
  sendGridBaseUrl = url;
}

export async function sendEmail(message: EmailMessage): Promise<void> {
  const env = loadEnv();
  if (!env.SENDGRID_API_KEY) {
    await db().outboxEmail.create({ data: outboxRow(message) });
    return;
  }
  // A client per message: cheap, and the key or base URL never leaks between tests.
  const client = new Client();
  client.setApiKey(env.SENDGRID_API_KEY);
  // setApiKey resets the base URL to SendGrid's, so the override comes after it.
  if (sendGridBaseUrl) client.setDefaultRequest("baseUrl", sendGridBaseUrl);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(SEND_TIMEOUT_MS);
  try {
    await mail.send({
      to: message.to,
      from: env.EMAIL_FROM,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.headers ? { headers: message.headers } : {}),
      // No tracking pixels or rewritten links: these are service emails, not marketing.
      trackingSettings: { clickTracking: { enable: false, enableText: false }, openTracking: { enable: false } },
    });
  } catch (err) {
    // SendGrid's error carries the request body (addresses, codes): keep only the status for logs.
    const status = (err as { code?: unknown }).code;
    throw new MailerError(`SendGrid did not accept the email (${typeof status === "number" ? status : "no response"})`);
  }
}

/**
 * Emails that belong to a database change. In outbox mode they are written inside the caller's
 * transaction (they exist exactly when the change commits, and cost no write of their own); with
 * SendGrid they are handed back to be sent after commit, so nothing goes out for a rollback.
 */
export async function stageEmails(tx: DbTx, messages: EmailMessage[]): Promise<EmailMessage[]> {
  if (!loadEnv().emailToOutbox) return messages;
  if (messages.length > 0) await tx.outboxEmail.createMany({ data: messages.map(outboxRow) });
  return [];
}

/**
 * Send what stageEmails handed back, once the transaction has committed (so nothing goes out for a
 * rollback). A failure is logged and never undoes the change.
 */
export async function sendAfterCommit(emails: readonly EmailMessage[]): Promise<void> {
  for (const email of emails) {
    try {
      await sendEmail(email);
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error), template: email.template }, "email not sent after commit");
    }
  }
}

/** The outbox pages exist only while emails go to the outbox; with real email they are not found. */
export function requireOutboxMode(): void {
  if (!loadEnv().emailToOutbox) throw new Response("Not found", { status: 404 });
}

export async function listOutboxEmails(limit = 200) {
  return db().outboxEmail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function findOutboxEmail(id: string) {
  return db().outboxEmail.findUnique({ where: { id } });
}

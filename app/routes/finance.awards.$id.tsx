// One award: the decision, who to pay, and the next step. Finance approves the payment, then
// records it as paid; finance or the coordinator may cancel it before it is paid.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { Section } from "~/components/finance-ui";
import { BackLink, DateInput, Radios, SummaryList, Warning } from "~/components/pledge-ui";
import { AWARD_STATUS_LABELS, PAYEE_KIND_LABELS, cancelFormSchema, parsePayment, type PayeeKind, type PaymentFormValues } from "~/domain/applications/award";
import { RECOMMENDATION_LABELS, type Recommendation } from "~/domain/applications/panel";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { formatPence } from "~/domain/money";
import { ApplicationError, notFound } from "~/services/applications.server";
import { AwardForbiddenError, approvePayment, awardForFinance, cancelAward, recordPayment } from "~/services/awards.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Award ${data?.award.application.reference ?? ""} – Helping Hands` }];

const day = (iso: string | Date) => formatDayKey(ukDayKey(new Date(iso)));

async function load(request: Request, id: string | undefined) {
  const user = await requireRole(request, ["finance", "coordinator"]);
  const actor = { userId: user.id, roles: user.roles };
  const award = await awardForFinance(id ?? "", actor);
  if (!award) throw notFound();
  return { user, actor, award };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, award } = await load(request, params.id);
  return { award, isFinance: user.roles.includes("finance") };
}

type ActionData = { intent: string; errors: FieldErrors; values?: Partial<Record<keyof PaymentFormValues | "reason", string>> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, award } = await load(request, params.id);
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? "");
  const isFinance = user.roles.includes("finance");
  const done = async (message: string) =>
    redirect(`/finance/awards/${award.id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
  try {
    if (intent === "approve" || intent === "record") {
      if (!isFinance) throw new Response("Only finance approves and records payments.", { status: 403 });
      if (intent === "approve") {
        await approvePayment(award.id, actor);
        return done(`Payment of ${formatPence(award.amountPence)} approved for ${award.application.reference}. Record it when it has been paid.`);
      }
      const now = new Date();
      const parsed = parsePayment(form, { todayKey: ukDayKey(now), approvedKey: award.approved ? ukDayKey(new Date(award.approved.at)) : ukDayKey(now) });
      if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      const recorded = await recordPayment(award.id, parsed.input, actor, now);
      return done(recorded ? `${award.application.reference} recorded as paid. The ledger shows it as paid.` : `${award.application.reference} was already recorded as paid. Nothing was changed.`);
    }
    if (intent === "cancel") {
      const parsed = cancelFormSchema.safeParse(form);
      if (!parsed.success) return json<ActionData>({ intent, errors: { reason: parsed.error.issues[0].message }, values: { reason: String(form.reason ?? "") } }, { status: 400 });
      await cancelAward(award.id, parsed.data.reason, { ...actor, as: isFinance ? "finance" : "coordinator" });
      return done(`The award for ${award.application.reference} is cancelled and its commitment released.`);
    }
  } catch (error) {
    if (!(error instanceof ApplicationError)) throw error;
    return json<ActionData>({ intent, errors: { [intent === "cancel" ? "reason" : "step"]: error.message } }, { status: error instanceof AwardForbiddenError ? 403 : 409 });
  }
  return json<ActionData>({ intent, errors: { step: "Choose what to do" } }, { status: 400 });
}

export default function AwardPage() {
  const { award, isFinance } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const v = data?.values ?? {};
  const app = award.application;
  const canCancel = award.status === "committed" || award.status === "payment_approved";
  return (
    <div className="max-w-3xl">
      <BackLink to="/finance/awards">Back to awards</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="mb-2 text-3xl font-bold">Award {app.reference}</h1>
      <p className="mb-6 text-xl" data-testid="award-status">
        {AWARD_STATUS_LABELS[award.status]}
      </p>
      <SummaryList
        testId="award-summary"
        rows={[
          { key: "Amount awarded", value: formatPence(award.amountPence) },
          { key: "Amount asked for", value: app.requestedPence !== null ? formatPence(app.requestedPence) : "Not given" },
          { key: "What it is for", value: app.purpose ?? "" },
          { key: "Young person", value: app.youngPersonName },
          { key: "Quote or link", value: [app.quoteUrl, app.quoteDetails].filter(Boolean).join(" — ") || "None given" },
          { key: "Panel decision", value: `${RECOMMENDATION_LABELS[award.decision.outcome as Recommendation] ?? award.decision.outcome}, ${day(award.decision.decidedAt)} (terms version ${award.decision.termsVersion})` },
          { key: "Reasons", value: award.decision.reasons },
          ...(award.decision.conditions ? [{ key: "Conditions", value: award.decision.conditions }] : []),
          ...(award.approved ? [{ key: "Payment approved", value: `${day(award.approved.at)} by ${award.approved.by ?? "unknown"}` }] : []),
          ...(award.paid
            ? [
                { key: "Paid", value: `${day(award.paid.on)} to ${award.paid.payeeName} (${award.paid.payeeKind === "supplier" ? "supplier" : "the young person"}), recorded by ${award.paid.by ?? "unknown"}` },
                { key: "Payment reference", value: award.paid.reference ?? "" },
              ]
            : []),
          ...(award.cancelled ? [{ key: "Cancelled", value: `${day(award.cancelled.at)} by ${award.cancelled.by ?? "unknown"}: ${award.cancelled.reason ?? ""}` }] : []),
        ]}
      />
      {errors.step ? (
        <p id="step" className="mb-6 font-bold text-error">
          <span className="sr-only">Error:</span> {errors.step}
        </p>
      ) : null}

      {isFinance && award.paymentRefusal && (award.status === "committed" || award.status === "payment_approved") ? <Warning>{award.paymentRefusal}</Warning> : null}

      {isFinance && !award.paymentRefusal && award.status === "committed" ? (
        <Section id="approve-heading" title="Step 1: approve the payment" className="mb-10" headingSpacing="mb-2">
          <p className="mb-4">Check the decision, the amount and the quote. Approving does not move money; you record the payment once it is made.</p>
          <Form method="post">
            <Button name="intent" value="approve">
              Approve payment of {formatPence(award.amountPence)}
            </Button>
          </Form>
        </Section>
      ) : null}

      {isFinance && !award.paymentRefusal && award.status === "payment_approved" ? (
        <Section id="record-heading" title="Step 2: record the payment" className="mb-10">
          <Form method="post" noValidate>
            <Radios
              name="payeeKind"
              legend="Who was paid?"
              hint="Usually the supplier, for example the shop selling the item."
              error={errors.payeeKind}
              defaultValue={v.payeeKind}
              options={(Object.keys(PAYEE_KIND_LABELS) as PayeeKind[]).map((k) => ({ value: k, label: PAYEE_KIND_LABELS[k] }))}
            />
            <TextField name="payeeName" label="Name of who was paid" defaultValue={v.payeeName} error={errors.payeeName} />
            <DateInput
              name="paidOn"
              legend="Date paid"
              hint={`Not before the payment was approved (${award.approved ? day(award.approved.at) : ""}), and not in the future. For example, 27 3 2026`}
              error={errors.paidOn}
              values={{ day: v.paidOnDay, month: v.paidOnMonth, year: v.paidOnYear }}
            />
            <TextField name="paymentReference" label="Payment reference" hint="As in the finance system or on the bank statement" defaultValue={v.paymentReference} error={errors.paymentReference} />
            <Button name="intent" value="record">
              Record as paid
            </Button>
          </Form>
        </Section>
      ) : null}

      {canCancel ? (
        <Section id="cancel-heading" title="Cancel the award" className="mb-10" headingSpacing="mb-2">
          <p className="mb-4">Cancelling releases the committed money back to the fund. The young person is told, with your reason.</p>
          <Form method="post" noValidate>
            <TextArea name="reason" label="Reason for cancelling" hint="The young person will read this. Plain words, no panel comments." defaultValue={v.reason} error={errors.reason} />
            <Button name="intent" value="cancel" variant="secondary">
              Cancel the award
            </Button>
          </Form>
        </Section>
      ) : null}
    </div>
  );
}

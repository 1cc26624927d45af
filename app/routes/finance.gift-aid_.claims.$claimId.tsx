// One Gift Aid claim: what HMRC owes on it (as the ledger has it) and, once HMRC pays, recording the payment:
// amount, date and reference (and why, if HMRC paid a different amount), checked, then recorded. Finance only.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField } from "~/components/forms";
import { Section } from "~/components/finance-ui";
import { BackLink, DateInput, SummaryList, Warning } from "~/components/pledge-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { hmrcPaymentFormSchema, parseHmrcPayment, type HmrcPaymentErrors, type HmrcPaymentFormValues, type HmrcPaymentInput } from "~/domain/gift-aid/hmrc-payment";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { formatPence } from "~/domain/money";
import { formatDay } from "~/domain/payroll/periods";
import { GiftAidPaymentError, claimForFinance, recordGiftAidPayment } from "~/services/gift-aid.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Gift Aid claim – Helping Hands" }];

async function load(request: Request, claimId: string | undefined) {
  const user = await requireRole(request, ["finance"]);
  const claim = await claimForFinance(claimId ?? "");
  if (!claim) throw new Response("Not found", { status: 404 });
  return { user, claim };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claim } = await load(request, params.claimId);
  const dates = {
    range: `${formatDay(claim.fromDate)} to ${formatDay(claim.toDate)}`,
    exported: formatDayKey(ukDayKey(claim.createdAt)),
    paidOn: claim.payment ? formatDay(claim.payment.on) : null,
  };
  return { claim, dates };
}

type ActionData = { stage: "form" | "check"; errors: HmrcPaymentErrors & { form?: string }; values: HmrcPaymentFormValues; input?: HmrcPaymentInput };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, claim } = await load(request, params.claimId);
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? "");
  const now = new Date();
  const parsed = parseHmrcPayment(form, { duePence: claim.ledger.duePence, todayKey: ukDayKey(now), exportedKey: ukDayKey(claim.createdAt) });
  if (intent === "change") return json<ActionData>({ stage: "form", errors: {}, values: parsed.values });
  if (!parsed.ok) return json<ActionData>({ stage: "form", errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (intent === "check") return json<ActionData>({ stage: "check", errors: {}, values: parsed.values, input: parsed.input });
  if (intent !== "confirm") return json<ActionData>({ stage: "form", errors: { form: "Choose what to do" }, values: parsed.values }, { status: 400 });
  try {
    const paid = await recordGiftAidPayment({ userId: user.id, role: "finance" }, claim.id, parsed.input, now);
    const message = `HMRC's payment of ${formatPence(paid.receivedPence)} is recorded. The ledger shows the Gift Aid in the fund's bank account.`;
    return redirect(`/finance/gift-aid/claims/${claim.id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
  } catch (error) {
    if (!(error instanceof GiftAidPaymentError)) throw error;
    return json<ActionData>({ stage: "form", errors: { form: error.message }, values: parsed.values }, { status: 409 });
  }
}

export default function GiftAidClaimPage() {
  const { claim, dates } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { ledger, payment } = claim;
  const range = dates.range;
  if (data?.stage === "check" && data.input) return <CheckPayment values={data.values} input={data.input} duePence={ledger.duePence} range={range} />;
  const errors = data?.errors ?? {};
  const v = data?.values;
  return (
    <div className="max-w-3xl">
      <BackLink to="/finance/gift-aid">Back to Gift Aid claims</BackLink>
      <ErrorSummary errors={{ form: errors.form, amount: errors.amount, received: errors.received, reference: errors.reference, reason: errors.reason }} />
      <h1 className="mb-6 text-3xl font-bold">Gift Aid claim for gifts paid {range}</h1>
      <SummaryList
        testId="claim-summary"
        rows={[
          { key: "Exported", value: dates.exported },
          { key: "Rows in the schedule", value: String(claim.rowCount) },
          { key: "Total of the gifts", value: formatPence(claim.totalPence) },
          { key: "Gift Aid on them", value: formatPence(claim.giftAidPence) },
          { key: "Adjustment for earlier overclaims", value: claim.adjustmentPence ? formatPence(claim.adjustmentPence) : "None" },
          { key: "Due from HMRC", value: formatPence(ledger.duePence) },
          ...(payment
            ? [
                { key: "Paid by HMRC", value: `${formatPence(payment.receivedPence)} on ${dates.paidOn}` },
                { key: "HMRC's reference", value: payment.reference ?? "" },
                ...(payment.differencePence
                  ? [{ key: payment.differencePence > 0 ? "Paid more than due" : "Paid less than due", value: `${formatPence(Math.abs(payment.differencePence))}: ${payment.reason ?? ""}` }]
                  : []),
              ]
            : [{ key: "Paid by HMRC", value: ledger.duePence ? "Not yet" : "Nothing is due" }]),
        ]}
      />
      {!payment && ledger.duePence > 0 ? (
        <Section id="record-heading" title="Record HMRC's payment" className="mb-10">
          {!ledger.posted ? (
            <Warning>This claim was exported before Gift Aid was kept in the ledger. Recording the payment first records the claim ({formatPence(ledger.duePence)} due).</Warning>
          ) : null}
          {errors.form ? (
            <p id="form" className="mb-6 font-bold text-error">
              <span className="sr-only">Error:</span> {errors.form}
            </p>
          ) : null}
          <PaymentFields errors={errors} values={v} duePence={ledger.duePence} />
        </Section>
      ) : null}
    </div>
  );
}

function PaymentFields({ errors, values: v, duePence }: { errors: HmrcPaymentErrors; values?: HmrcPaymentFormValues; duePence: number }) {
  return (
    <Form method="post" noValidate>
      <TextField name="amount" label="Amount HMRC paid, in pounds" hint={`${formatPence(duePence)} is due on this claim`} inputMode="decimal" defaultValue={v?.amount} error={errors.amount} />
      <DateInput name="received" legend="Date HMRC paid" hint="As on the bank statement. For example, 27 3 2026" error={errors.received} values={{ day: v?.receivedDay, month: v?.receivedMonth, year: v?.receivedYear }} />
      <TextField name="reference" label="HMRC's payment reference" hint="As on the bank statement or HMRC's payment advice" defaultValue={v?.reference} error={errors.reference} />
      <TextArea name="reason" label="Why HMRC paid a different amount (if it did)" hint="Only if the amount is not the amount due, for example as HMRC's payment advice explains" defaultValue={v?.reason} error={errors.reason} />
      <Button name="intent" value="check">
        Continue
      </Button>
    </Form>
  );
}

function CheckPayment({ values, input, duePence, range }: { values: HmrcPaymentFormValues; input: HmrcPaymentInput; duePence: number; range: string }) {
  const { receivedPence, day, reference, reason } = input;
  const difference = receivedPence - duePence;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold">Check HMRC&rsquo;s payment before you record it</h1>
      <p className="mb-6">Gift Aid claim for gifts paid {range}.</p>
      <SummaryList
        testId="check-answers"
        rows={[
          { key: "Amount HMRC paid", value: formatPence(receivedPence) },
          { key: "Due on this claim", value: formatPence(duePence) },
          ...(difference ? [{ key: difference > 0 ? "Paid more than due" : "Paid less than due", value: `${formatPence(Math.abs(difference))}: ${reason ?? ""}` }] : []),
          { key: "Date HMRC paid", value: formatDayKey(day) },
          { key: "HMRC's reference", value: reference },
        ]}
      />
      <p className="mb-6">
        Recording it puts {formatPence(receivedPence)} in the fund&rsquo;s bank account in the ledger and settles the {formatPence(duePence)} HMRC owed on this
        claim{difference ? `; the ${formatPence(Math.abs(difference))} difference ${difference > 0 ? "is added to" : "is taken from"} the fund's Gift Aid income` : ""}. A
        claim&rsquo;s payment is recorded once.
      </p>
      <Form method="post" className="flex gap-4">
        {(Object.keys(hmrcPaymentFormSchema.shape) as (keyof HmrcPaymentFormValues)[]).map((k) => (
          <input key={k} type="hidden" name={k} value={values[k]} />
        ))}
        <Button name="intent" value="confirm">
          Record the payment
        </Button>
        <Button name="intent" value="change" variant="secondary">
          Change
        </Button>
      </Form>
    </div>
  );
}

// One application for a panel member: declare a conflict (or none) before any detail; then the
// pseudonymised view and the scoring form. A conflicted member gets 403 with the reference alone.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Section } from "~/components/finance-ui";
import { BackLink, Radios, SummaryList } from "~/components/pledge-ui";
import { CATEGORY_SHORT, ENTITLEMENT_LABELS, isCategory, isEntitlementAnswer } from "~/domain/applications/form";
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, SCORE_MAX, SCORE_MIN } from "~/domain/applications/panel";
import { declarationSchema, reviewFormSchema, scoreField } from "~/domain/applications/panel-form";
import { formatPence } from "~/domain/money";
import { ApplicationError, ApplicationNotFoundError, currentTerms, notFound, orNotFound } from "~/services/applications.server";
import { PanelForbiddenError, PanelProblemsError, declare, panelApplicationView, saveReview } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";
import { criteriaOf } from "~/domain/applications/panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data && "reference" in data ? data.reference : "Application"} – Panel – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const view = await orNotFound(panelApplicationView({ userId: user.id, roles: user.roles }, params.id ?? ""));
  // A conflicted member learns only the reference, and the answer says they may not see more.
  return json(view, view.access === "conflicted" ? { status: 403 } : undefined);
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const member = { userId: user.id, roles: user.roles };
  const id = params.id ?? "";
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
  const back = async (message: string) =>
    redirect(`/panel/applications/${id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
  try {
    if (form.intent === "declare") {
      const parsed = declarationSchema.safeParse(values);
      if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
      const { conflict } = await declare(member, id, parsed.data);
      return back(conflict ? "You declared a conflict of interest. You take no part in this application." : "You declared no conflict of interest.");
    }
    if (form.intent === "review") {
      const terms = await currentTerms();
      const parsed = reviewFormSchema(terms ? criteriaOf(terms.criteria) : []).safeParse(values);
      if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
      await saveReview(member, id, parsed.data);
      return back("Your scores and recommendation are saved. You can change them until the panel decides.");
    }
    return json<ActionData>({ errors: { form: "Choose what to do" }, values }, { status: 400 });
  } catch (error) {
    if (error instanceof ApplicationNotFoundError) throw notFound();
    if (error instanceof PanelForbiddenError) throw new Response(error.message, { status: 403, statusText: "Forbidden" });
    if (error instanceof PanelProblemsError) return json<ActionData>({ errors: { form: error.problems.join(". ") }, values }, { status: 400 });
    if (error instanceof ApplicationError) return json<ActionData>({ errors: { form: error.message }, values }, { status: 409 });
    throw error;
  }
}

const maybe = (v: string | null | undefined) => (v && v.trim() ? v : "Not given");

export default function PanelApplication() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const v = data?.values ?? {};
  const r = view.access === "may_review" ? view : null;
  const summaryErrors = errors?.form ? { items: [{ href: "#main-content", text: errors.form }] } : { errors };
  return (
    <div className="max-w-3xl">
      <BackLink to="/panel">Back to applications</BackLink>
      <ErrorSummary {...summaryErrors} />
      {view.access === "must_declare" ? (
        <>
          <h1 className="mb-4 text-3xl font-bold">Application {view.reference}: any conflict of interest?</h1>
          <p className="mb-4">
            Before you see anything about this application, say whether you have a conflict of interest: for example, you know the young
            person, or you work with them or their family. If you do, you take no part in reviewing or deciding it.
          </p>
          <p className="mb-6">You can add a conflict later if you realise you have one. You cannot take one back.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="declare" />
            <Radios
              name="declaration"
              legend="Do you have a conflict of interest with this application?"
              error={errors?.declaration}
              defaultValue={v.declaration}
              options={[
                { value: "no_conflict", label: "No, I have no conflict of interest" },
                { value: "conflict", label: "Yes, I have a conflict of interest" },
              ]}
            />
            <TextArea name="note" label="If you have a conflict, what is it? (optional)" hint="For example: I know the young person." defaultValue={v.note} error={errors?.note} rows={3} />
            <Button>Save my declaration</Button>
          </Form>
        </>
      ) : view.access === "conflicted" ? (
        <>
          <h1 className="mb-4 text-3xl font-bold">Application {view.reference}</h1>
          <p className="mb-4" data-testid="conflicted">
            You declared a conflict of interest with this application, so you cannot see its details and take no part in reviewing or deciding
            it.
          </p>
        </>
      ) : r ? (
        <>
          <h1 className="mb-2 text-3xl font-bold">
            Application {view.reference}: {r.details.firstName}
          </h1>
          <p className="mb-6">
            {view.statusLabel}. Scored by {r.quorum.scored} of the {r.quorum.required} members needed
            {r.quorum.met ? " (quorum reached)" : ""}.
          </p>
          <h2 className="mb-2 text-2xl font-bold">What the application says</h2>
          <SummaryList
            testId="pseudonymised"
            rows={[
              { key: "Reference", value: r.details.reference },
              { key: "First name", value: r.details.firstName },
              { key: "What it is for", value: r.details.category && isCategory(r.details.category) ? CATEGORY_SHORT[r.details.category] : maybe(r.details.category) },
              { key: "In their words", value: maybe(r.details.purpose) },
              { key: "Amount asked for", value: r.details.amountPence ? formatPence(r.details.amountPence) : "Not given" },
              { key: "Quote or link", value: [r.details.quoteUrl, r.details.quoteDetails].filter(Boolean).join(" — ") || "Not given" },
              { key: "Why it matters to them", value: maybe(r.details.whyItMatters) },
              {
                key: "Does a council entitlement cover it?",
                value:
                  r.details.entitlementCovers && isEntitlementAnswer(r.details.entitlementCovers)
                    ? ENTITLEMENT_LABELS[r.details.entitlementCovers]
                    : maybe(r.details.entitlementCovers),
              },
              { key: "Which entitlement", value: maybe(r.details.entitlementNames) },
              { key: "Why this is still needed", value: maybe(r.details.entitlementWhyNeeded) },
            ]}
          />
          {r.details.messages.length ? (
            <Section id="messages-heading" title="Questions and answers" className="mb-8" headingSpacing="mb-2">
              <ul className="list-none space-y-2">
                {r.details.messages.map((m, i) => (
                  <li key={i}>
                    <strong>{m.kind === "question" ? "Question" : "Answer"}:</strong> {m.body}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {r.canScore ? (
            <Section id="score-heading" title="Your scores and recommendation" className="mb-10" headingSpacing="mb-2">
              <p className="mb-4">
                Score each criterion of the terms of reference (version {r.termsVersion}) from {SCORE_MIN} (weak) to {SCORE_MAX} (strong).
                {r.myReview ? " You have scored this already; you can change your review until the panel decides." : ""}
              </p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="review" />
                {r.criteria.map((criterion, i) => (
                  <Radios
                    key={criterion}
                    name={scoreField(i)}
                    legend={criterion}
                    error={errors?.[scoreField(i)]}
                    defaultValue={v[scoreField(i)] ?? String(r.myReview?.scores.find((s) => s.criterion === criterion)?.score ?? "")}
                    options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
                  />
                ))}
                <Radios
                  name="recommendation"
                  legend="Your recommendation"
                  error={errors?.recommendation}
                  defaultValue={v.recommendation ?? r.myReview?.recommendation}
                  options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
                />
                <TextArea
                  name="comment"
                  label="Comment"
                  hint="Why you recommend this. Other panel members read it; the young person does not."
                  defaultValue={v.comment ?? r.myReview?.comment}
                  error={errors?.comment}
                />
                <Button>Save my review</Button>
              </Form>
            </Section>
          ) : null}
          {view.status === "with_panel" ? (
            <section aria-labelledby="late-conflict-heading" className="border-t-2 border-gray-300 pt-6">
              <h2 id="late-conflict-heading" className="mb-2 text-xl font-bold">
                Found you have a conflict?
              </h2>
              <p className="mb-4">If you realise you know the young person, declare it. Your review will then not count.</p>
              <Form method="post">
                <input type="hidden" name="intent" value="declare" />
                <input type="hidden" name="declaration" value="conflict" />
                <TextArea name="note" label="What is the conflict? (optional)" rows={2} error={errors?.note} />
                <Button variant="secondary">Declare a conflict of interest</Button>
              </Form>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

// Page pieces the application pages share (applicant and coordinator): a step page's frame with
// "Save and continue" / "Save and come back later", the answers as a summary list, the timeline,
// the questions and answers, a panel decision, and the status tag.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { Button, type FieldErrors } from "~/components/forms";
import { Inset, JourneyPage, SummaryList, type SummaryRow } from "~/components/pledge-ui";
import { CATEGORY_SHORT, ENTITLEMENT_LABELS, isCategory, isEntitlementAnswer, type Answers, type StepSlug } from "~/domain/applications/form";
import { RECOMMENDATION_LABELS, type Recommendation } from "~/domain/applications/panel";
import { STATUS_LABELS, type ApplicationStatus } from "~/domain/applications/workflow";
import { formatPence } from "~/domain/money";

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });
export const formatWhen = (iso: string) => WHEN.format(new Date(iso));
export const formatDay = (iso: string) => DAY.format(new Date(iso));

/** A step of the draft: its form, with both save buttons (every step saves the draft). */
export function StepPage({ back, errors, reference, children }: { back: string; errors?: FieldErrors; reference: string; children: ReactNode }) {
  return (
    <JourneyPage back={back} errors={errors}>
      <p className="mb-2 text-gray-700">Application {reference}</p>
      <Form method="post" noValidate>
        {children}
        <div className="flex flex-wrap gap-4">
          <Button>Save and continue</Button>
          <Button variant="secondary" name="intent" value="later">
            Save and come back later
          </Button>
        </div>
      </Form>
    </JourneyPage>
  );
}

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return (
    <strong className="inline-block bg-gray-200 px-2 py-1 font-bold text-gray-900" data-testid="status-tag">
      {STATUS_LABELS[status]}
    </strong>
  );
}

const none = <span className="text-gray-700">Not answered yet</span>;

/** The answers as rows; `changeBase` (e.g. /applications/x) adds "Change" links to each step (with ?change=check). */
export function answerRows(a: Answers, changeBase?: string): SummaryRow[] {
  const change = (step: StepSlug, label: string) => (changeBase ? { to: `${changeBase}/${step}?change=check`, label } : undefined);
  const multiline = (text: string | null) => (text ? <span className="whitespace-pre-line">{text}</span> : none);
  const rows: SummaryRow[] = [
    { key: "What it is for", value: a.category && isCategory(a.category) ? CATEGORY_SHORT[a.category] : none, change: change("purpose", "what it is for") },
    { key: "What you need", value: multiline(a.purpose), change: change("purpose", "what you need") },
    { key: "How much", value: a.amountPence ? formatPence(a.amountPence) : none, change: change("amount", "how much") },
    {
      key: "Quote or link",
      value:
        a.quoteUrl || a.quoteDetails ? (
          <>
            {a.quoteUrl ? (
              <a href={a.quoteUrl} className="break-all text-brand underline" rel="noreferrer noopener" target="_blank">
                {a.quoteUrl}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : null}
            {a.quoteDetails ? <span className="block whitespace-pre-line">{a.quoteDetails}</span> : null}
          </>
        ) : (
          none
        ),
      change: change("amount", "the quote or link"),
    },
    { key: "Why it matters", value: multiline(a.whyItMatters), change: change("why", "why it matters") },
    {
      key: "Does other support already pay for it?",
      value: a.entitlementCovers && isEntitlementAnswer(a.entitlementCovers) ? ENTITLEMENT_LABELS[a.entitlementCovers] : none,
      change: change("entitlement", "whether other support pays for it"),
    },
  ];
  if (a.entitlementCovers === "partly" || a.entitlementCovers === "yes") {
    rows.push(
      { key: "Which support", value: multiline(a.entitlementNames), change: change("entitlement", "which support") },
      { key: "Why it is still needed", value: multiline(a.entitlementWhyNeeded), change: change("entitlement", "why it is still needed") },
    );
  }
  return rows;
}

export function AnswerList({ answers, changeBase }: { answers: Answers; changeBase?: string }) {
  return <SummaryList rows={answerRows(answers, changeBase)} testId="answers" />;
}

export type TimelineItem = { id: string; at: string; toStatus: ApplicationStatus; note: string | null; by: string };

export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="mb-8 max-w-3xl border-l-4 border-gray-300 pl-4" data-testid="timeline">
      {[...items].reverse().map((e) => (
        <li key={e.id} className="mb-4">
          <p className="font-bold">{e.toStatus === "draft" ? "Application started" : STATUS_LABELS[e.toStatus]}</p>
          <p className="text-gray-700">
            {formatWhen(e.at)} · {e.by}
          </p>
          {e.note ? <p className="whitespace-pre-line">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export type MessageItem = { id: string; kind: string; body: string; at: string; by: string };

export function Messages({ items }: { items: MessageItem[] }) {
  if (items.length === 0) return <p className="mb-8">No questions have been asked.</p>;
  return (
    <ul className="mb-8 max-w-3xl space-y-4" data-testid="messages">
      {items.map((m) => (
        <li key={m.id} className={`border-l-8 py-2 pl-4 ${m.kind === "question" ? "border-brand" : "border-gray-400"}`}>
          <p className="font-bold">
            {m.kind === "question" ? "Question" : "Answer"} from {m.by}, {formatWhen(m.at)}
          </p>
          <p className="whitespace-pre-line">{m.body}</p>
        </li>
      ))}
    </ul>
  );
}

export type DecisionItem = { outcome: string; reasons: string; conditions: string | null; amountPence: number | null; at: string };

/** One panel decision as the applicant and the coordinator read it: outcome, date, amount, reasons, conditions. */
export function DecisionNote({ decision: d, testId }: { decision: DecisionItem; testId?: string }) {
  return (
    <Inset testId={testId}>
      <p className="font-bold">
        {RECOMMENDATION_LABELS[d.outcome as Recommendation] ?? d.outcome}, {formatDay(d.at)}
        {d.amountPence ? ` – ${formatPence(d.amountPence)}` : ""}
      </p>
      <p className="whitespace-pre-line">{d.reasons}</p>
      {d.conditions ? <p className="mt-2 whitespace-pre-line">Conditions: {d.conditions}</p> : null}
    </Inset>
  );
}

type TermsShown = { funds: string[]; doesNotFund: string[]; maxAwardPence: number; decisionDates: string[]; giveBack: string; criteria: string[] };

/** A version of the terms of reference, as everyone reads it. */
export function TermsDetails({ terms, headingLevel, showCriteria }: { terms: TermsShown; headingLevel: 2 | 3; showCriteria?: boolean }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const list = (items: string[]) => (
    <ul className="mb-6 list-disc space-y-1 pl-6">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
  return (
    <>
      <H className="mb-2 text-xl font-bold">What the fund pays for</H>
      {list(terms.funds)}
      <H className="mb-2 text-xl font-bold">What the fund does not pay for</H>
      {list(terms.doesNotFund)}
      <H className="mb-2 text-xl font-bold">How much</H>
      <p className="mb-6" data-testid="max-award">
        The fund gives at most {formatPence(terms.maxAwardPence)} for one application. It adds to support the council must already give (for
        example the Higher Education Bursary or the Setting Up Home Allowance); it does not replace it.
      </p>
      <H className="mb-2 text-xl font-bold">When the panel decides</H>
      {list(terms.decisionDates)}
      {showCriteria ? (
        <>
          <H className="mb-2 text-xl font-bold">What the panel looks at</H>
          {list(terms.criteria)}
        </>
      ) : null}
      <H className="mb-2 text-xl font-bold">Giving something back</H>
      <p className="mb-6 whitespace-pre-line">{terms.giveBack}</p>
    </>
  );
}

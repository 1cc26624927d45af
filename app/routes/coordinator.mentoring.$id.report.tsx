// A mentoring cohort's report (coordinator): pairs, sessions and hours, and the closure survey's
// results with small numbers suppressed (counts below the threshold as "c", means and comments only
// from enough answers). Plain tables that print as they are; the same figures download as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList } from "~/components/pledge-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { formatShown, suppressionNote } from "~/domain/impact/suppression";
import { PAIR_OUTCOMES, PAIR_OUTCOME_KEYS, SCALE, SCALE_LABELS, SURVEY_SECTIONS, hoursText } from "~/domain/mentoring/survey";
import { surveyResults } from "~/services/mentoring-sessions.server";
import { orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { FIGURE_CELL, FIGURE_NUMBER, FigureTable } from "~/components/figure-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Report: ${data?.report.cohort.name ?? "cohort"} – Mentoring – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const report = await orNotFound(surveyResults(actorOf(user), params.id ?? ""));
  return { report };
}

const th = "border-b-2 border-gray-900 py-2 pr-4";
const td = FIGURE_CELL;
const num = FIGURE_NUMBER;


export default function CohortReportPage() {
  const { report } = useLoaderData<typeof loader>();
  const { cohort, survey } = report;
  const shown = (v: number | "c") => formatShown(v);
  return (
    <div className="max-w-5xl">
      <div className="print:hidden">
        <BackLink to={`/coordinator/mentoring/${report.cohortId}`}>Back to the cohort</BackLink>
      </div>
      <span className="mb-1 block text-lg text-gray-700">Mentoring cohort report</span>
      <h1 className="mb-6 text-3xl font-bold">{cohort.name}</h1>
      <SummaryList
        testId="report-cohort"
        rows={[
          { key: "Status", value: cohort.status },
          { key: "Started", value: formatDayKey(cohort.startKey) },
          { key: "Length", value: `${cohort.weeks} weeks` },
        ]}
      />
      <p className="mb-8 max-w-3xl" data-testid="suppression-note">
        {suppressionNote(report.threshold)} Averages and comments are shown only when at least {report.threshold} people on that side answered.
      </p>
      <p className="mb-8 print:hidden">
        <Link to={`/coordinator/mentoring/${report.cohortId}/report.csv`} reloadDocument className="font-bold text-brand underline" data-testid="download-csv">
          Download the report as a CSV file
        </Link>{" "}
        (the same figures, without comments; the download is recorded). To print this page, use your browser&rsquo;s print command.
      </p>

      <FigureTable
        caption="Pairs"
        testId="report-pairs"
        rows={[{ label: "Pairs confirmed", value: shown(report.pairs.total) }, ...PAIR_OUTCOME_KEYS.map((k, i) => ({ label: PAIR_OUTCOMES[k], value: shown(report.pairs.cells[i]) }))]}
      />
      <FigureTable
        caption="Sessions"
        testId="report-sessions"
        rows={[
          { label: "Sessions logged", value: report.sessions.count.toLocaleString("en-GB") },
          { label: "Time spent mentoring", value: hoursText(report.sessions.minutes) },
        ]}
      />
      <FigureTable
        caption="Who answered the closure survey"
        testId="report-responders"
        rows={[...survey.sides.map((s, i) => ({ label: s.label, value: shown(survey.responders.cells[i]) })), { label: "All", value: shown(survey.responders.total) }]}
      />

      {survey.sides.map((s) => (
        <section key={s.side} aria-labelledby={`${s.side}-heading`} className="mb-10 break-inside-avoid" data-testid={`report-${s.side}`}>
          <h2 id={`${s.side}-heading`} className="mb-2 text-2xl font-bold">
            {SURVEY_SECTIONS[s.side]}
          </h2>
          {s.hiddenBecause ? (
            <p className="mb-4" data-testid={`hidden-because-${s.side}`}>
              {s.hiddenBecause}
            </p>
          ) : null}
          <div className="overflow-x-auto">
            <table className="mb-6 w-full border-collapse text-left">
              <caption className="sr-only">
                {SURVEY_SECTIONS[s.side]}: how many gave each answer, from 1 (strongly disagree) to 5 (strongly agree)
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Statement
                  </th>
                  {SCALE.map((n) => (
                    <th key={n} scope="col" className={`${th} ${num}`}>
                      {n}
                      <span className="block text-sm font-normal">{SCALE_LABELS[n]}</span>
                    </th>
                  ))}
                  <th scope="col" className={`${th} ${num}`}>
                    Answers
                  </th>
                  <th scope="col" className={`${th} ${num}`}>
                    Average
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.questions.map((q) => (
                  <tr key={q.key}>
                    <th scope="row" className={`${td} font-normal`}>
                      {q.text}
                    </th>
                    {q.counts.cells.map((c, i) => (
                      <td key={i} className={`${td} ${num}`}>
                        {shown(c)}
                      </td>
                    ))}
                    <td className={`${td} ${num}`}>{shown(q.counts.total)}</td>
                    <td className={`${td} ${num}`}>{q.mean === null ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="sr-only">hidden</span>
                        </>
                      ) : (
                        q.mean.toFixed(1)
                      )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mb-2 text-xl font-bold">Comments</h3>
          {s.comments === null ? (
            <p className="mb-4">Not shown, for the reason above.</p>
          ) : s.comments.length === 0 ? (
            <p className="mb-4">Nobody left a comment.</p>
          ) : (
            <ul className="mb-4 list-disc space-y-2 pl-6" data-testid={`comments-${s.side}`}>
              {s.comments.map((c, i) => (
                <li key={i} className="whitespace-pre-wrap">
                  {c}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

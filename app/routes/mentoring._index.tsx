// Mentoring (employee, young person, personal adviser): one page, a section per role. Employees see the
// cohorts recruiting mentors, their applications (what happens next, the checks still to pass) and their
// pairs; a young person sees the cohorts they can join, where their profile is, and their mentor; an
// adviser sees the same for each young person on their caseload. Survey links appear when a cohort closes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { mentoringHomeFor, type CohortSummary, type EmployeeHome, type PairView, type SurveyView, type YoungPersonHome } from "~/services/mentoring-views.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mentoring – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee", "young_person", "personal_adviser"]);
  return await mentoringHomeFor(actorOf(user));
}

const link = "text-brand underline";
const th = "py-2 pr-4";
const td = "py-2 pr-4 align-top";

function when(c: CohortSummary) {
  return `Starts ${formatDayKey(c.startsOn)}, for ${c.weeks} weeks`;
}

function DropIns({ days }: { days: string[] }) {
  return days.length ? <>{days.map(formatDayKey).join(", ")}</> : <>To be arranged</>;
}

function Surveys({ surveys, forId }: { surveys: SurveyView[]; forId?: string }) {
  if (!surveys.length) return null;
  return (
    <ul className="mb-6 list-disc space-y-2 pl-6" data-testid="surveys">
      {surveys.map((s) => (
        <li key={s.cohortId}>
          {s.done ? (
            <>Thank you for answering the survey about {s.cohortName}.</>
          ) : (
            <Link to={`/mentoring/${s.cohortId}/survey${forId ? `?for=${forId}` : ""}`} className={link}>
              Tell us how {s.cohortName} went (a short survey)
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

function Pairs({ pairs, who, caption }: { pairs: PairView[]; who: string; caption: string }) {
  return (
    <table className="mb-6 w-full border-collapse text-left" data-testid="pairs-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-900">
          <th scope="col" className={th}>{who}</th>
          <th scope="col" className={th}>Cohort</th>
          <th scope="col" className="py-2">Status</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={p.id} className="border-b border-gray-300">
            <td className={td}>
              <Link to={`/mentoring/pairs/${p.id}`} className={link}>
                {p.firstName}
              </Link>
            </td>
            <td className={td}>{p.cohortName}</td>
            <td className="py-2 align-top">{p.statusLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EmployeeSection({ home }: { home: EmployeeHome }) {
  return (
    <section aria-labelledby="mentor-heading" className="mb-10">
      <h2 id="mentor-heading" className="mb-4 text-2xl font-bold">
        Mentor a young person
      </h2>
      <p className="mb-6 max-w-3xl">
        The "no limits" pilot pairs council staff with care leavers for 6 to 10 weeks. Mentors are chosen after an application and an interview,
        complete the pilot's training, and need an Enhanced DBS check to mentor anyone under 18. Your manager needs to agree to the time.
      </p>

      <h3 className="mb-3 text-xl font-bold">Cohorts looking for mentors</h3>
      {home.recruiting.length === 0 ? (
        <p className="mb-6">No cohort is looking for mentors at the moment.</p>
      ) : (
        <table className="mb-6 w-full border-collapse text-left" data-testid="recruiting-table">
          <caption className="sr-only">Cohorts looking for mentors, soonest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className={th}>Cohort</th>
              <th scope="col" className={th}>When</th>
              <th scope="col" className={th}>Drop-in sessions</th>
              <th scope="col" className="py-2">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {home.recruiting.map((c) => (
              <tr key={c.id} className="border-b border-gray-300">
                <td className={td}>{c.name}</td>
                <td className={td}>{when(c)}</td>
                <td className={td}>
                  <DropIns days={c.dropInDays} />
                </td>
                <td className="py-2 align-top">
                  {c.applied ? (
                    <Link to={`/mentoring/${c.id}/apply`} className={link}>
                      You have applied<span className="sr-only"> to {c.name}</span>: see your application
                    </Link>
                  ) : (
                    <Link to={`/mentoring/${c.id}/apply`} className={link}>
                      Apply to mentor<span className="sr-only"> in {c.name}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="mb-3 text-xl font-bold">Your applications</h3>
      {home.applications.length === 0 ? (
        <p className="mb-6">You have not applied to mentor yet.</p>
      ) : (
        <ul className="mb-6 space-y-4" data-testid="applications">
          {home.applications.map((a) => (
            <li key={a.id} className="max-w-3xl border-l-8 border-gray-400 py-2 pl-4">
              <p className="font-bold">
                <Link to={`/mentoring/${a.cohort.id}/apply`} className={link}>
                  {a.cohort.name}
                </Link>
              </p>
              <p className="mb-2">
                Status: <strong>{a.statusLabel}</strong>
              </p>
              <p className="mb-2">{a.nextStep}</p>
              {a.gatesToPass.length ? (
                <>
                  <p className="mb-1">Still to do before you can be matched:</p>
                  <ul className="list-disc pl-6" data-testid="gates-to-pass">
                    {a.gatesToPass.map((g) => (
                      <li key={g}>{g}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h3 className="mb-3 text-xl font-bold">Young people you mentor</h3>
      {home.pairs.length === 0 ? (
        <p className="mb-6">Nobody yet. The programme coordinator will email you when you are matched.</p>
      ) : (
        <Pairs pairs={home.pairs} who="Young person" caption="Young people you mentor" />
      )}
      <Surveys surveys={home.surveys} />
    </section>
  );
}

function YoungPersonSection({ home, headingLevel }: { home: YoungPersonHome; headingLevel: 2 | 3 }) {
  const own = home.name === "";
  const forId = own ? undefined : home.youngPersonId;
  const query = forId ? `?for=${forId}` : "";
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const id = `yp-${home.youngPersonId}`;
  return (
    <section aria-labelledby={id} className="mb-10" data-testid={own ? "young-person" : "caseload-person"}>
      <H id={id} className="mb-4 text-2xl font-bold">
        {own ? "Get a mentor" : home.name}
      </H>
      {own ? (
        <p className="mb-6 max-w-3xl">
          A mentor is someone from the council who meets you regularly for a few weeks to help with something you choose, like finding work or
          living on your own. Tell us a bit about yourself and the coordinator will find someone who fits.
        </p>
      ) : null}
      <Sub className="mb-3 text-xl font-bold">Cohorts</Sub>
      {home.cohorts.length === 0 ? (
        <p className="mb-6">No mentoring cohort is open at the moment.</p>
      ) : (
        <ul className="mb-6 space-y-4" data-testid="cohorts">
          {home.cohorts.map((c) => (
            <li key={c.id} className="max-w-3xl border-l-8 border-gray-400 py-2 pl-4">
              <p className="font-bold">{c.name}</p>
              <p>{when(c)}</p>
              <p>
                Drop-in sessions to meet the mentors: <DropIns days={c.dropInDays} />
              </p>
              <p className="my-2">{c.profileStatus}</p>
              {c.open || c.hasProfile ? (
                <Link to={`/mentoring/${c.id}/profile${query}`} className={link}>
                  {c.hasProfile ? (c.open ? "Check or change the answers" : "See the answers") : own ? "Tell us about yourself" : `Tell us about ${home.name}`}
                  <span className="sr-only"> for {c.name}</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Sub className="mb-3 text-xl font-bold">{own ? "Your mentor" : "Mentor"}</Sub>
      {home.pairs.length === 0 ? (
        <p className="mb-6">{own ? "You do not have a mentor yet." : "No mentor yet."}</p>
      ) : (
        <Pairs pairs={home.pairs} who="Mentor" caption={own ? "Your mentors" : `${home.name}'s mentors`} />
      )}
      <Surveys surveys={home.surveys} forId={forId} />
    </section>
  );
}

export default function Mentoring() {
  const { employee, youngPerson, caseload } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Mentoring</h1>
      {employee ? <EmployeeSection home={employee} /> : null}
      {youngPerson ? <YoungPersonSection home={youngPerson} headingLevel={2} /> : null}
      {caseload ? (
        <section aria-labelledby="caseload-heading">
          <h2 id="caseload-heading" className="mb-4 text-2xl font-bold">
            Young people you work with
          </h2>
          <p className="mb-6 max-w-3xl">
            You can enter or correct a young person's profile for matching with them, and follow how their mentoring is going. Mentors see only their
            first name and what matching needs.
          </p>
          {caseload.length === 0 ? (
            <p>No young people are linked to you yet. Ask the programme coordinator to link you to the young people you work with.</p>
          ) : (
            caseload.map((home) => <YoungPersonSection key={home.youngPersonId} home={home} headingLevel={3} />)
          )}
        </section>
      ) : null}
    </>
  );
}

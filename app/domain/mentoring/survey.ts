// The closure survey of a mentoring cohort (issue 8, "Planned closure and evaluation"): fixed questions
// for each side, answered on a 1–5 scale with an optional comment, once per person, while the cohort is
// closing or evaluated. The results and the downloadable cohort report show small numbers suppressed
// (app/domain/impact/suppression.ts): counts 1 to threshold−1 as "c", a mean only from enough answers,
// and comments only when enough people on that side answered. Pure: no Remix, Prisma or clock.
import { z } from "zod";
import { optionalText, text as str } from "../form-fields";
import { SUPPRESSED, formatShown, suppressLine, type Shown, type SuppressedLine } from "../impact/suppression";
import { formatDuration } from "./sessions";

export const SURVEY_SIDES = { mentor: "Mentors", young_person: "Young people" } as const;
export type SurveySide = keyof typeof SURVEY_SIDES;
/** Each side's survey as a heading, e.g. in the cohort report. */
export const SURVEY_SECTIONS: Record<SurveySide, string> = { mentor: "Mentors' survey", young_person: "Young people's survey" };
export const SURVEY_SIDE_KEYS = Object.keys(SURVEY_SIDES) as SurveySide[];
export const isSurveySide = (v: unknown): v is SurveySide => typeof v === "string" && Object.hasOwn(SURVEY_SIDES, v);

export type SurveyQuestion = { key: string; text: string };

/** The questions, fixed so that one cohort's results can be compared with the next. */
export const SURVEY_QUESTIONS: Record<SurveySide, readonly SurveyQuestion[]> = {
  mentor: [
    { key: "prepared", text: "I felt prepared to mentor" },
    { key: "pairing_worked", text: "The pairing worked" },
    { key: "mentor_again", text: "I would mentor again" },
  ],
  young_person: [
    { key: "listened_to", text: "I felt listened to" },
    { key: "helped_goals", text: "It helped me with my goals" },
    { key: "would_recommend", text: "I would recommend it to someone else" },
  ],
};

export const SCALE = [1, 2, 3, 4, 5] as const;
export const SCALE_LABELS: Record<(typeof SCALE)[number], string> = {
  1: "Strongly disagree",
  2: "Disagree",
  3: "Neither agree nor disagree",
  4: "Agree",
  5: "Strongly agree",
};

export const SURVEY_COMMENT_MAX = 1000;

/** The cohort statuses in which the survey is open (planned closure, then evaluation). */
export const SURVEY_OPEN_STATUSES = ["closing", "evaluated"] as const;

/** Why the survey cannot be answered in a cohort with this status (null: it can). */
export function surveyClosedProblem(cohortStatus: string): string | null {
  return (SURVEY_OPEN_STATUSES as readonly string[]).includes(cohortStatus) ? null : "The survey opens when the cohort is closing. The programme coordinator will let you know.";
}

/**
 * The survey form for one side: each question a radio 1–5 (named by its key), an optional comment,
 * and, when an adviser answers for a young person, `for` (the young person's id; the service checks it).
 */
export function surveySchema(side: SurveySide) {
  const scales = Object.fromEntries(
    SURVEY_QUESTIONS[side].map((q) => [q.key, str.refine((v) => /^[1-5]$/.test(v), `Choose an answer from 1 to 5 for "${q.text}"`).transform(Number)]),
  );
  return z
    .object({
      ...scales,
      comment: optionalText(SURVEY_COMMENT_MAX, `Your comment must be ${SURVEY_COMMENT_MAX.toLocaleString("en-GB")} characters or fewer`),
      for: str,
    })
    .transform((v) => {
      const raw = v as Record<string, unknown>;
      return {
        youngPersonId: (raw.for as string) || null,
        scales: Object.fromEntries(SURVEY_QUESTIONS[side].map((q) => [q.key, raw[q.key] as number])),
        comment: (raw.comment as string) || null,
      };
    });
}
export type SurveyAnswers = { youngPersonId: string | null; scales: Record<string, number>; comment: string | null };

/** Why these answers do not fit this side's questions (null: they do); the service checks what the route parsed. */
export function scalesProblem(side: SurveySide, scales: Record<string, number>): string | null {
  const keys = SURVEY_QUESTIONS[side].map((q) => q.key);
  if (Object.keys(scales).length !== keys.length || !keys.every((k) => Object.hasOwn(scales, k))) return "Answer every question in the survey.";
  if (!keys.every((k) => (SCALE as readonly number[]).includes(scales[k]))) return "Choose an answer from 1 to 5 for every question.";
  return null;
}

/** A stored answers column → the answers to this side's questions (a broken or partial row counts for none). */
export function storedScales(text: string, side: SurveySide): Record<string, number> | null {
  try {
    const parsed = z.record(z.string(), z.number()).safeParse(JSON.parse(text));
    return parsed.success && scalesProblem(side, parsed.data) === null ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---- Results with small numbers suppressed ---------------------------------------------------

export type SurveyResponse = { side: SurveySide; scales: Record<string, number>; comment: string | null };

export type QuestionResult = {
  key: string;
  text: string;
  /** how many answered 1, 2, 3, 4, 5, and in all, with small numbers suppressed */
  counts: SuppressedLine;
  /** the mean to one decimal place, only from threshold answers or more */
  mean: number | null;
};

export type SideResult = {
  side: SurveySide;
  label: string;
  responders: Shown;
  questions: QuestionResult[];
  /** the comments (sorted, so their order says nothing about who answered when), or null when hidden */
  comments: string[] | null;
  /** why the mean or the comments are hidden, in words, or null */
  hiddenBecause: string | null;
};

export type SurveySummary = { threshold: number; responders: SuppressedLine; sides: SideResult[] };

/** The mean to one decimal place (a mean of scores, not money: a float is fine). */
const meanOf = (sum: number, count: number) => Math.round((sum / count) * 10) / 10;

/** Every side's answers → per question the suppressed counts of each answer and a mean from enough answers. */
export function summariseSurvey(responses: readonly SurveyResponse[], threshold: number): SurveySummary {
  const respondersBySide = SURVEY_SIDE_KEYS.map((side) => responses.filter((r) => r.side === side).length);
  const sides = SURVEY_SIDE_KEYS.map((side, i): SideResult => {
    const mine = responses.filter((r) => r.side === side);
    const enough = respondersBySide[i] >= threshold;
    const questions = SURVEY_QUESTIONS[side].map((q): QuestionResult => {
      const answers = mine.map((r) => r.scales[q.key]).filter((v) => (SCALE as readonly number[]).includes(v));
      const counts = SCALE.map((n) => answers.filter((a) => a === n).length);
      const sum = answers.reduce((a, b) => a + b, 0);
      return { key: q.key, text: q.text, counts: suppressLine(counts, threshold), mean: answers.length >= threshold ? meanOf(sum, answers.length) : null };
    });
    const comments = mine.map((r) => r.comment?.trim() ?? "").filter(Boolean);
    const who = SURVEY_SIDES[side].toLowerCase();
    return {
      side,
      label: SURVEY_SIDES[side],
      responders: SUPPRESSED,
      questions,
      comments: enough ? [...comments].sort((a, b) => a.localeCompare(b, "en-GB")) : null,
      hiddenBecause: enough
        ? null
        : respondersBySide[i] === 0
          ? `No ${who} have answered yet.`
          : `Fewer than ${threshold} ${who} answered, so the averages and comments are hidden: with so few, they could show who said what.`,
    };
  });
  const responders = suppressLine(respondersBySide, threshold);
  sides.forEach((s, i) => (s.responders = responders.cells[i]));
  return { threshold, responders, sides };
}

// ---- The cohort report -----------------------------------------------------------------------

export const PAIR_OUTCOMES = { active: "Still active", ended: "Ended early (not a good fit)", closed: "Closed at the end of the cohort" } as const;
export type PairOutcome = keyof typeof PAIR_OUTCOMES;
export const PAIR_OUTCOME_KEYS = Object.keys(PAIR_OUTCOMES) as PairOutcome[];

export type CohortReportFacts = {
  cohort: { name: string; status: string; startKey: string; weeks: number };
  pairs: Record<PairOutcome, number>;
  sessions: { count: number; minutes: number };
  responses: readonly SurveyResponse[];
};

export type CohortReport = {
  cohort: CohortReportFacts["cohort"];
  threshold: number;
  /** pairs by how they ended; the total is the pairs confirmed. Pairs are people, so suppressed. */
  pairs: SuppressedLine;
  /** sessions and their length are not counts of people, so they are shown as they are */
  sessions: { count: number; minutes: number };
  survey: SurveySummary;
};

export function cohortReport(facts: CohortReportFacts, threshold: number): CohortReport {
  return {
    cohort: facts.cohort,
    threshold,
    pairs: suppressLine(
      PAIR_OUTCOME_KEYS.map((k) => facts.pairs[k]),
      threshold,
    ),
    sessions: facts.sessions,
    survey: summariseSurvey(facts.responses, threshold),
  };
}

export const REPORT_COLUMNS = ["Section", "Measure", ...SCALE.map((n) => `Answered ${n} (${SCALE_LABELS[n].toLowerCase()})`), "Total", "Mean"] as const;

const cell = (v: Shown) => formatShown(v, String);

/**
 * The report as CSV records (header first): the same suppressed figures as the results page, one
 * measure a row. Figures only: no comments and no names leave the service in the file.
 */
export function cohortReportRecords(report: CohortReport): string[][] {
  const blanks = (n: number) => Array.from({ length: n }, () => "");
  const figure = (section: string, measure: string, total: string) => [section, measure, ...blanks(SCALE.length), total, ""];
  const { cohort } = report;
  const rows: string[][] = [
    [...REPORT_COLUMNS],
    ["Cohort", cohort.name, ...blanks(SCALE.length + 2)],
    ["Cohort", `Starts ${cohort.startKey}, ${cohort.weeks} weeks, status ${cohort.status}`, ...blanks(SCALE.length + 2)],
    ["Note", `"c" means fewer than ${report.threshold}, or a figure hidden so that one could not be worked out`, ...blanks(SCALE.length + 2)],
    figure("Pairs", "Pairs confirmed", cell(report.pairs.total)),
    ...PAIR_OUTCOME_KEYS.map((k, i) => figure("Pairs", PAIR_OUTCOMES[k], cell(report.pairs.cells[i]))),
    figure("Sessions", "Sessions logged", String(report.sessions.count)),
    figure("Sessions", "Hours of mentoring", hoursCell(report.sessions.minutes)),
    ...report.survey.sides.map((s, i) => figure("Survey responders", s.label, cell(report.survey.responders.cells[i]))),
    figure("Survey responders", "All", cell(report.survey.responders.total)),
    ...report.survey.sides.flatMap((s) =>
      s.questions.map((q) => [SURVEY_SECTIONS[s.side], q.text, ...q.counts.cells.map(cell), cell(q.counts.total), q.mean === null ? "" : q.mean.toFixed(1)]),
    ),
  ];
  return rows;
}

/** Minutes as hours to two decimal places ("12.25"), for a spreadsheet to add up. */
export const hoursCell = (minutes: number): string => `${Math.floor(minutes / 60)}.${String(Math.round(((minutes % 60) / 60) * 100)).padStart(2, "0")}`;

/** Minutes in words for the page ("12 hours 15 minutes"). */
export const hoursText = (minutes: number): string => (minutes === 0 ? "None" : formatDuration(minutes));

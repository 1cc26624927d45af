// A campaign's progress: the bar (role="progressbar", read out as its text) and the figures in words.
import { plural, type Progress } from "~/domain/campaigns/campaign";
import { formatPence } from "~/domain/money";

export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress.percent}
      aria-valuetext={progress.text}
      className="mb-2 h-6 w-full max-w-xl border-2 border-gray-900 bg-white"
    >
      {/* An SVG width attribute, not an inline style: the CSP (style-src 'self') blocks style attributes. */}
      <svg className="block h-full w-full" aria-hidden="true" focusable="false">
        <rect width={`${progress.percent}%`} height="100%" className="fill-success" />
      </svg>
    </div>
  );
}

export function CampaignProgress({ progress, title, headingLevel = 2 }: { progress: Progress; title: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-label={`Progress of ${title}`} className="mb-6" data-testid="campaign-progress">
      {headingLevel === 2 ? <Heading className="mb-2 text-2xl font-bold">Progress</Heading> : null}
      {progress.count ? (
        <p className="mb-2 text-xl font-bold" data-testid="progress-count">
          {progress.count.done} of {progress.count.target} {plural(progress.count.target, progress.count.unitLabel)}
        </p>
      ) : null}
      <ProgressBar progress={progress} label={`Progress of ${title}`} />
      <p data-testid="progress-text">
        <span data-testid="progress-raised">{formatPence(progress.raisedPence)}</span> raised of {formatPence(progress.targetPence)} ({progress.percent}%), from{" "}
        <span data-testid="progress-donors">{progress.donors}</span> {progress.donors === 1 ? "donor" : "donors"}
        {progress.count ? `. Each ${progress.count.unitLabel} costs ${formatPence(progress.count.unitPricePence)}.` : "."}
      </p>
    </section>
  );
}

// The questions of an offer of time (the new-offer and the offer pages share them), and the choices
// the request form shares with it: skills from the managed list, times, in person or online.
import { Checkboxes, TextField, type FieldErrors } from "~/components/forms";
import { Radios } from "~/components/pledge-ui";
import { FREQUENCIES, GENDERS, MAX_OFFER_HOURS, type PostedValues } from "~/domain/talent/forms";
import { MODES, SKILLS, SLOTS, slotLabel } from "~/domain/talent/skills";

export const SKILL_OPTIONS = Object.entries(SKILLS).map(([value, label]) => ({ value, label }));
export const SLOT_OPTIONS = SLOTS.map((s) => ({ value: s, label: slotLabel(s) }));
export const MODE_OPTIONS = Object.entries(MODES).map(([value, label]) => ({ value, label }));
export const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export const text = (v: PostedValues, name: string): string => (typeof v[name] === "string" ? (v[name] as string) : "");
export const many = (v: PostedValues, name: string): string[] => (Array.isArray(v[name]) ? (v[name] as string[]) : []);

/** The offer's questions. `groups`: the groups this person is the contact of (a choice only when making an offer). */
export function OfferFields({
  values,
  errors,
  groups,
  managerApprovalRequired,
}: {
  values: PostedValues;
  errors?: FieldErrors;
  groups?: { id: string; name: string }[];
  managerApprovalRequired: boolean;
}) {
  return (
    <>
      {groups && groups.length ? (
        <Radios
          name="groupId"
          legend="Who is making this offer?"
          hint="A group's offer is linked through you, as its contact."
          error={errors?.groupId}
          defaultValue={text(values, "groupId") || "me"}
          options={[{ value: "me", label: "Just me" }, ...groups.map((g) => ({ value: g.id, label: `${g.name} (a group)` }))]}
        />
      ) : null}
      <Checkboxes name="skills" legend="What can you help with?" hint="Choose all that apply." error={errors?.skills} options={SKILL_OPTIONS} checked={many(values, "skills")} />
      <TextField name="otherSkills" label="Anything else you can offer (optional)" hint="For example, a careers talk about your job, or the use of equipment." defaultValue={text(values, "otherSkills")} error={errors?.otherSkills} />
      <TextField
        name="hoursPerMonth"
        label="How many hours a month can you give?"
        hint={`A whole number, up to ${MAX_OFFER_HOURS}.`}
        inputMode="numeric"
        className="max-w-24"
        defaultValue={text(values, "hoursPerMonth")}
        error={errors?.hoursPerMonth}
      />
      <Checkboxes name="availability" legend="When are you usually free?" hint="Choose all that apply." error={errors?.availability} options={SLOT_OPTIONS} checked={many(values, "availability")} />
      <Radios name="mode" legend="Can you help in person or online?" error={errors?.mode} defaultValue={text(values, "mode")} options={MODE_OPTIONS} />
      <TextField name="location" label="Town or area where you can meet" hint="Only needed for help in person. For example, Stockton or Thornaby." defaultValue={text(values, "location")} error={errors?.location} />
      <Radios
        name="frequency"
        legend="Is this a one-off or regular?"
        error={errors?.frequency}
        defaultValue={text(values, "frequency")}
        options={Object.entries(FREQUENCIES).map(([value, label]) => ({ value, label }))}
      />
      <Radios
        name="wouldMentor"
        legend="Would you also like to be considered as a mentor?"
        hint="Mentors meet one young person regularly for a few months, after training and a DBS check."
        error={errors?.wouldMentor}
        defaultValue={text(values, "wouldMentor")}
        options={YES_NO}
      />
      <Radios
        name="managerApproved"
        legend="Has your manager approved this time in your work hours?"
        hint={
          managerApprovalRequired
            ? "The council needs your manager's yes before the offer can be linked with a young person. You can change this answer later."
            : "You can change this answer later."
        }
        error={errors?.managerApproved}
        defaultValue={text(values, "managerApproved")}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No, or not yet" },
        ]}
      />
      <Radios
        name="volunteerGender"
        legend="Are you a woman or a man? (optional)"
        hint="This is only used if a young person asks for a woman or a man volunteer. Nobody else sees it."
        error={errors?.volunteerGender}
        defaultValue={text(values, "volunteerGender")}
        options={[...Object.entries(GENDERS).map(([value, label]) => ({ value, label })), { value: "not_say", label: "I prefer not to say" }]}
      />
    </>
  );
}

export function hoursText(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, "")} ${h === 1 ? "hour" : "hours"}`;
}

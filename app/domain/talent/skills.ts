// The managed list of skills staff offer and young people ask for, and the availability slots.

export const SKILLS = {
  cv_help: "CV help",
  interview_practice: "Interview practice",
  driving_practice: "Driving practice",
  diy: "DIY and home repairs",
  budgeting: "Budgeting and money",
  cooking: "Cooking",
  it_help: "IT and computers",
  careers_talk: "Careers talk in my field",
  study_support: "Study support",
  design_and_making: "Design and making",
} as const;
export type SkillKey = keyof typeof SKILLS;
export const SKILL_KEYS = Object.keys(SKILLS) as SkillKey[];
export const isSkillKey = (v: string): v is SkillKey => v in SKILLS;

export const DAYS = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" } as const;
export const TIMES = { day: "daytime", evening: "evening" } as const;
export type Slot = `${keyof typeof DAYS}_${keyof typeof TIMES}`;
export const SLOTS = (Object.keys(DAYS) as (keyof typeof DAYS)[]).flatMap((d) => (Object.keys(TIMES) as (keyof typeof TIMES)[]).map((t) => `${d}_${t}` as Slot));
export const isSlot = (v: string): v is Slot => (SLOTS as string[]).includes(v);
export function slotLabel(slot: Slot): string {
  const [d, t] = slot.split("_") as [keyof typeof DAYS, keyof typeof TIMES];
  return `${DAYS[d]} ${TIMES[t]}`;
}

export const MODES = { in_person: "In person", online: "Online", either: "In person or online" } as const;
export type Mode = keyof typeof MODES;
export const isMode = (v: string): v is Mode => v in MODES;

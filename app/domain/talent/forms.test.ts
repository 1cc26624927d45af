import { describe, expect, it } from "vitest";
import {
  groupSchema,
  modeText,
  offerChangeProblem,
  offerFormValues,
  offerSchema,
  postedValues,
  requestSchema,
  skillsText,
  storedSkills,
  storedSlots,
  toStored,
} from "./forms";

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);

const offer = {
  skills: ["cv_help", "interview_practice"],
  otherSkills: "",
  hoursPerMonth: "4",
  availability: ["tue_evening"],
  mode: "in_person",
  location: "Stockton",
  frequency: "regular",
  wouldMentor: "no",
  managerApproved: "yes",
  volunteerGender: "",
  groupId: "me",
};

describe("postedValues", () => {
  it("keeps every value of a checkbox group, the first of any other name, and gives an empty list for an unticked group", () => {
    const v = postedValues(
      [
        ["skills", "cv_help"],
        ["skills", "diy"],
        ["mode", "online"],
        ["mode", "in_person"],
      ],
      ["skills", "availability"],
    );
    expect(v).toEqual({ skills: ["cv_help", "diy"], availability: [], mode: "online" });
  });
});

describe("the offer form", () => {
  it("parses a complete offer into stored shapes", () => {
    const r = offerSchema.safeParse(offer);
    expect(r.success && r.data).toEqual({
      skills: ["cv_help", "interview_practice"],
      otherSkills: null,
      hoursPerMonth: 4,
      availability: ["tue_evening"],
      mode: "in_person",
      location: "Stockton",
      frequency: "regular",
      wouldMentor: false,
      managerApproved: true,
      volunteerGender: null,
      groupId: null,
    });
  });

  it("takes one ticked box sent as a plain string, drops repeats, and keeps the managed list's order", () => {
    const r = offerSchema.safeParse({ ...offer, skills: ["diy", "cv_help", "diy"], availability: "sat_day" });
    expect(r.success && [r.data.skills, r.data.availability]).toEqual([["cv_help", "diy"], ["sat_day"]]);
  });

  it("accepts free text instead of a listed skill, but not neither", () => {
    expect(offerSchema.safeParse({ ...offer, skills: [], otherSkills: "Bike repairs" }).success).toBe(true);
    expect(messages(offerSchema.safeParse({ ...offer, skills: [], otherSkills: " " }))).toEqual(["skills: Choose at least one skill, or describe what you can offer"]);
  });

  it("refuses skills and times that are not on the lists", () => {
    expect(messages(offerSchema.safeParse({ ...offer, skills: ["juggling"] }))).toContain("skills: Choose skills from the list");
    expect(messages(offerSchema.safeParse({ ...offer, availability: ["mon_night"] }))).toEqual(["availability: Choose times from the list"]);
  });

  it.each([
    ["", "Enter how many hours a month you can give"],
    ["2.5", "Enter the hours a month as a whole number, like 4"],
    ["0", "Enter between 1 and 40 hours a month"],
    ["41", "Enter between 1 and 40 hours a month"],
  ])("hours %j → %s", (hoursPerMonth, message) => {
    expect(messages(offerSchema.safeParse({ ...offer, hoursPerMonth }))).toEqual([`hoursPerMonth: ${message}`]);
  });

  it("needs a town for in-person help, and keeps none for online help", () => {
    expect(messages(offerSchema.safeParse({ ...offer, location: "" }))).toEqual(["location: Enter the town or area where you can meet"]);
    expect(messages(offerSchema.safeParse({ ...offer, mode: "either", location: "" }))).toEqual(["location: Enter the town or area where you can meet"]);
    const online = offerSchema.safeParse({ ...offer, mode: "online", location: "Stockton" });
    expect(online.success && online.data.location).toBeNull();
  });

  it("says what is missing for every unanswered question", () => {
    expect(messages(offerSchema.safeParse({}))).toEqual([
      "hoursPerMonth: Enter how many hours a month you can give",
      "availability: Choose at least one time when you are free",
      "mode: Choose whether you can help in person, online or either",
      "frequency: Choose one-off or regular",
      "wouldMentor: Choose whether you would like to be considered as a mentor",
      "managerApproved: Choose whether your manager has approved this time in your work hours",
      "skills: Choose at least one skill, or describe what you can offer",
    ]);
  });

  it("keeps the volunteer's gender only as a woman or a man; 'prefer not to say' is nothing", () => {
    const woman = offerSchema.safeParse({ ...offer, volunteerGender: "woman" });
    expect(woman.success && woman.data.volunteerGender).toBe("woman");
    const notSay = offerSchema.safeParse({ ...offer, volunteerGender: "not_say" });
    expect(notSay.success && notSay.data.volunteerGender).toBeNull();
    expect(offerSchema.safeParse({ ...offer, volunteerGender: "other" }).success).toBe(false);
  });

  it("reads a group choice (a group id, or 'me' for the person alone)", () => {
    const r = offerSchema.safeParse({ ...offer, groupId: "group-1" });
    expect(r.success && r.data.groupId).toBe("group-1");
  });

  it("a stored offer fills the form back to the same answers", () => {
    const stored = { skills: toStored(["cv_help"]), otherSkills: null, hoursPerMonth: 3, availability: toStored(["mon_day"]), mode: "online", location: null, frequency: "one_off", wouldMentor: true, managerApproved: null, volunteerGender: "man", groupId: null };
    const values = offerFormValues(stored);
    expect(values).toMatchObject({ skills: ["cv_help"], availability: ["mon_day"], managerApproved: "", wouldMentor: "yes", groupId: "me" });
    const again = offerSchema.safeParse({ ...values, managerApproved: "no" });
    expect(again.success && again.data).toMatchObject({ skills: ["cv_help"], hoursPerMonth: 3, mode: "online", wouldMentor: true, volunteerGender: "man", managerApproved: false });
  });
});

describe("offer status changes", () => {
  it.each([
    ["active", "pause", null],
    ["active", "resume", "This offer is not paused."],
    ["paused", "resume", null],
    ["paused", "pause", "This offer is already paused."],
    ["active", "edit", null],
    ["paused", "withdraw", null],
    ["withdrawn", "edit", "This offer has been withdrawn, so it cannot be changed. You can make a new offer at any time."],
    ["withdrawn", "resume", "This offer has been withdrawn, so it cannot be changed. You can make a new offer at any time."],
  ] as const)("%s + %s → %s", (status, change, problem) => {
    expect(offerChangeProblem(status, change)).toBe(problem);
  });
});

describe("the group form", () => {
  it("needs a name and what the group offers", () => {
    expect(messages(groupSchema.safeParse({ name: " ", description: "" }))).toEqual([
      "name: Enter the name of the team or service",
      "description: Describe what the group can offer",
    ]);
    expect(groupSchema.safeParse({ name: "Central Library team", description: "Design equipment and sessions" }).success).toBe(true);
  });
});

describe("the request form", () => {
  const request = {
    youngPersonId: "",
    skills: "cv_help",
    details: "Help with my first CV",
    availability: ["wed_evening", "mon_day"],
    mode: "either",
    location: "Thornaby",
    hoursPerMonth: "2",
    preferredGender: "none",
    otherPreferences: "",
    under18: "no",
  };
  it("parses a complete request", () => {
    const r = requestSchema.safeParse(request);
    expect(r.success && r.data).toEqual({
      youngPersonId: "",
      skills: ["cv_help"],
      details: "Help with my first CV",
      availability: ["mon_day", "wed_evening"],
      mode: "either",
      location: "Thornaby",
      hoursPerMonth: 2,
      preferredGender: null,
      otherPreferences: null,
      under18: false,
    });
  });
  it("needs at least one kind of help from the list, a time, and the under-18 answer", () => {
    expect(messages(requestSchema.safeParse({ ...request, skills: [], availability: [], under18: "" }))).toEqual([
      "skills: Choose at least one kind of help",
      "availability: Choose at least one time that suits",
      "under18: Choose whether the young person is under 18",
    ]);
  });
  it("keeps a preference for a woman volunteer, and caps the hours at 20", () => {
    const r = requestSchema.safeParse({ ...request, preferredGender: "woman", under18: "yes" });
    expect(r.success && [r.data.preferredGender, r.data.under18]).toEqual(["woman", true]);
    expect(messages(requestSchema.safeParse({ ...request, hoursPerMonth: "21" }))).toEqual(["hoursPerMonth: Enter between 1 and 20 hours a month"]);
  });
  it("needs a town unless the help is online", () => {
    expect(messages(requestSchema.safeParse({ ...request, mode: "in_person", location: "" }))).toEqual(["location: Enter the town or area where they can meet"]);
    expect(requestSchema.safeParse({ ...request, mode: "online", location: "" }).success).toBe(true);
  });
});

describe("stored JSON arrays and words", () => {
  it("drops unknown or broken values rather than showing them", () => {
    expect(storedSkills('["cv_help","juggling",3]')).toEqual([]);
    expect(storedSkills('["cv_help","juggling"]')).toEqual(["cv_help"]);
    expect(storedSkills("not json")).toEqual([]);
    expect(storedSlots('["sat_day","mon_night"]')).toEqual(["sat_day"]);
  });
  it("says skills and place in words", () => {
    expect(skillsText(["cv_help", "cooking"], "Bike repairs")).toBe("CV help, Cooking, Bike repairs");
    expect(modeText("in_person", "Stockton")).toBe("In person, Stockton");
    expect(modeText("online", "Stockton")).toBe("Online");
  });
});

import { describe, expect, it } from "vitest";
import { builtInCalendar } from "./calendar.ts";
import {
  type Invitation,
  invitationsOf,
  newTraining,
  recordAttendance,
  type Training,
  trainingFigure,
  trainingNoticeDraft,
  workingDaysBefore,
} from "./training.ts";

const calendar = builtInCalendar();
const now = "2019-11-01T02:00:00.000Z";

const training = (startsAt: string, invited = ["000014351", "000014352"]): Training =>
  newTraining(
    {
      title: "政务公开工作培训会",
      startsAt,
      venue: "市行政中心",
      agenda: [],
      speakers: [],
      invitedUnitCodes: invited,
      materials: [],
    },
    [],
    { id: "trn_01JD6Q3Z5K8X9V2M4N7P0R1S3T", createdBy: "000014349", now },
  );

const attended = (
  t: Training,
  counts: Record<string, number>,
): { training: Training; invitations: Invitation[] } => ({
  training: t,
  invitations: invitationsOf(t).map((i) =>
    counts[i.unitCode] === undefined
      ? i
      : recordAttendance(i, { count: counts[i.unitCode] as number }, "key_x", now).invitation,
  ),
});

describe("a training's day is Beijing's", () => {
  it("09:00 on 2019-01-01 in Beijing is 2018-12-31 in UTC, and the training counts in 2019", () => {
    const t = training("2019-01-01T07:00:00+08:00");
    expect(t.startsAt).toBe("2018-12-31T23:00:00.000Z");
    expect(t.heldOn).toBe("2019-01-01");
    expect(trainingFigure(2019, [attended(t, { "000014351": 2 })])).toEqual({ sessions: 1, attendance: 2 });
    expect(trainingFigure(2018, [attended(t, { "000014351": 2 })])).toEqual({ sessions: 0, attendance: 0 });
  });
});

describe("the annual report's training figure: sessions held in the year, attendance in 人次", () => {
  const records = [
    attended(training("2019-04-29T15:00:00+08:00"), { "000014351": 1, "000014352": 1 }),
    attended(training("2019-11-28T09:00:00+08:00"), { "000014351": 3 }),
  ];
  it("the city counts every training and everyone who came", () => {
    expect(trainingFigure(2019, records)).toEqual({ sessions: 2, attendance: 5 });
  });
  it("a unit counts only the trainings its people attended, and only its people", () => {
    expect(trainingFigure(2019, records, "000014352")).toEqual({ sessions: 1, attendance: 1 });
    expect(trainingFigure(2019, records, "000014351")).toEqual({ sessions: 2, attendance: 4 });
  });
});

describe("attendance is replaced as a whole, and the same figures again change nothing", () => {
  const [row] = invitationsOf(training("2019-11-15T09:00:00+08:00"));
  it("records, keeps on a repeat, replaces on new figures", () => {
    if (!row) throw new Error("one row per invited unit");
    const first = recordAttendance(row, { count: 2, names: ["王敏", "李强"] }, "key_a", now);
    expect(first.changed).toBe(true);
    const repeat = recordAttendance(
      first.invitation,
      { count: 2, names: ["王敏", "李强"] },
      "key_b",
      "2019-11-16T00:00:00Z",
    );
    expect(repeat).toEqual({ invitation: first.invitation, changed: false });
    const next = recordAttendance(first.invitation, { count: 3 }, "key_b", "2019-11-16T00:00:00Z");
    expect(next.changed).toBe(true);
    expect(next.invitation.attendance).toEqual({
      count: 3,
      names: [],
      recordedBy: "key_b",
      recordedAt: "2019-11-16T00:00:00Z",
    });
    expect(next.invitation.version).toBe(first.invitation.version + 1);
  });
});

describe("the training notice's receipt: two working days before the training day, on the holiday calendar", () => {
  it("counts back over a weekend: Monday 2019-11-18's is Thursday the 14th", () => {
    expect(workingDaysBefore(calendar, "2019-11-18", 2)).toBe("2019-11-14");
  });
  it("counts back over the National Day holiday to its make-up Sunday: 2019-10-08's is 09-29", () => {
    expect(workingDaysBefore(calendar, "2019-10-08", 2)).toBe("2019-09-29");
  });
  it("once that day has passed the receipt is due today, so the draft can still be issued", () => {
    const draft = trainingNoticeDraft(training("2019-11-15T09:00:00+08:00"), {
      calendar,
      today: "2019-11-14",
      itemLink: (id) => `https://portal.test/items/${id}`,
    });
    expect(draft.receipt).toEqual({ required: true, dueOn: "2019-11-14" });
    expect(draft.targets).toEqual({ scope: "units", unitCodes: ["000014351", "000014352"] });
  });
});

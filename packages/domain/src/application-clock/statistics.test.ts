import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import type { Application, ApplicationEventInput } from "../application.ts";
import { defaultSettings } from "../settings.ts";
import { newApplication, withEvent } from "./event-log.ts";
import { applicationStatisticsOfYear } from "./statistics.ts";
import { cal, extend } from "./testing.ts";

const recorded = (receivedOn: string, events: ApplicationEventInput[]): Application =>
  events.reduce(
    (app, event) => withEvent(app, event, { at: `${event.on}T02:00:00.000Z`, by: "test" }, cal, "2030-01-01"),
    newApplication(
      {
        id: "app_1",
        trackingCode: "YSQ-TEST",
        unitCode: "360000000000",
        channel: "in-person",
        receivedOn,
        applicantKind: "natural-person",
        description: "所需信息",
      },
      cal,
      "2030-01-01",
      `${receivedOn}T02:00:00.000Z`,
    ),
  );

const statsOf = (year: number, apps: Application[]) =>
  applicationStatisticsOfYear(year, apps, "2030-01-01", cal, defaultSettings);

describe("statistics by date (国办公开办函〔2021〕30号): a year counts only events dated inside it", () => {
  // Received Monday 2019-12-16: with 2020-01-01 off (chinese-days), the 20 working days run
  // into January 2020, so the extension and the reply both fall in the new year.
  const app = recorded("2019-12-16", [
    extend("2020-01-06", 10),
    { type: "respond", on: "2020-01-20", responseType: "disclosed" },
  ]);

  it("the real calendar puts the 20th working day after 2019-12-16 in January 2020", () => {
    expect(chineseDays.isHoliday("2020-01-01")).toBe(true);
    expect(chineseDays.getWorkdaysInRange("2019-12-17", "2019-12-31")).toHaveLength(11);
  });

  it("a January extension belongs to the new year's figures, not the year the case was received", () => {
    expect(statsOf(2019, [app])).toMatchObject({
      received: 1,
      extended: 0,
      answered: 0,
      carriedIntoNextYear: 1,
    });
    expect(statsOf(2020, [app])).toMatchObject({ received: 0, extended: 1, answered: 1, carriedOver: 1 });
  });

  it("an extension in the year of receipt is not counted again the year the case ends", () => {
    const early = recorded("2019-12-02", [
      extend("2019-12-20", 5),
      { type: "respond", on: "2020-01-06", responseType: "disclosed" },
    ]);
    expect(statsOf(2019, [early]).extended).toBe(1);
    expect(statsOf(2020, [early]).extended).toBe(0);
  });
});

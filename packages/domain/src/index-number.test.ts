import { describe, expect, it } from "vitest";
import {
  defaultIndexNumberFormat,
  formatIndexNumber,
  IndexNumberFormat,
  looksLikeIndexNumber,
} from "./index-number.ts";

describe("索引号 {unitCode}/{year}-{sequence}", () => {
  it("formats as the seed's portal does, sequence zero-padded to sort as text", () => {
    expect(formatIndexNumber({ unitCode: "000014349", year: 2020, sequence: 1528049 })).toBe(
      "000014349/2020-1528049",
    );
    expect(formatIndexNumber({ unitCode: "000014349", year: 2026, sequence: 12 })).toBe(
      "000014349/2026-0000012",
    );
  });

  it("the format is a setting, but must keep unit, year and sequence (uniqueness depends on all three)", () => {
    expect(
      formatIndexNumber({ unitCode: "A01", year: 2026, sequence: 3 }, "{year}/{unitCode}/{sequence}"),
    ).toBe("2026/A01/0000003");
    expect(IndexNumberFormat.safeParse(defaultIndexNumberFormat).success).toBe(true);
    expect(IndexNumberFormat.safeParse("{unitCode}-{sequence}").success).toBe(false);
  });

  it("tells an index number from an item id for the public detail route", () => {
    expect(looksLikeIndexNumber("000014349/2020-1528049")).toBe(true);
    expect(looksLikeIndexNumber("itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { decimalStep, isDecimalMultiple } from "./number.ts";

describe("issue 12 #4 decimal steps: a number is judged as the decimal it is written as", () => {
  it.each([0, 0.5, 1, 2.5, 99.5, 1000, -1.5, 1e21])("%d is a whole number of half points", (n) => {
    expect(isDecimalMultiple(n, 0.5)).toBe(true);
  });

  it.each([
    0.5000000000000001,
    2.4999999999999996,
    0.25,
    1e-7,
    1e-200,
    0.1 + 0.2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])("%d is not (zod's float remainder let the first two pass)", (n) => {
    expect(isDecimalMultiple(n, 0.5)).toBe(false);
  });

  it("works for steps finer than a half: tenths and hundredths", () => {
    expect(isDecimalMultiple(0.3, 0.1)).toBe(true);
    expect(isDecimalMultiple(0.1 + 0.2, 0.1)).toBe(false);
    expect(isDecimalMultiple(12.34, 0.01)).toBe(true);
    expect(isDecimalMultiple(12.345, 0.01)).toBe(false);
  });

  it("as a schema: the message of the sheet, and further checks chain after it", () => {
    const points = decimalStep(0.5, "分值须为0.5的整数倍").min(0).max(100);
    expect(points.safeParse(2.5).success).toBe(true);
    expect(points.safeParse(0.5000000000000001).error?.issues[0]?.message).toBe("分值须为0.5的整数倍");
    expect(points.safeParse(100.5).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { DomainError } from "./error.ts";
import { feeByCount, feeByPages } from "./fee.ts";

describe("信息处理费 (国办函〔2020〕109号)", () => {
  it("by count: the first 10 applications of a month are free", () => {
    expect(feeByCount(0, 10)).toBe(0);
    expect(feeByCount(9, 1)).toBe(0);
  });

  it("by count: the 11th to the 30th cost ¥100 each", () => {
    expect(feeByCount(10, 1)).toBe(100);
    expect(feeByCount(0, 30)).toBe(20 * 100);
  });

  it("by count: from the 31st every block of 10 costs ¥100 more per application", () => {
    expect(feeByCount(30, 1)).toBe(200);
    expect(feeByCount(30, 10)).toBe(10 * 200);
    expect(feeByCount(40, 1)).toBe(300);
    // 45 in one month: 10 free, 20 × 100, 10 × 200, 5 × 300.
    expect(feeByCount(0, 45)).toBe(2000 + 2000 + 1500);
    // Counting per application or all at once gives the same total.
    expect(feeByCount(0, 20) + feeByCount(20, 25)).toBe(feeByCount(0, 45));
  });

  it("by pages: 30 free, 31–100 ¥10, 101–200 ¥20, over 200 ¥40 per page (marginal)", () => {
    expect(feeByPages(30)).toBe(0);
    expect(feeByPages(31)).toBe(10);
    expect(feeByPages(100)).toBe(700);
    expect(feeByPages(101)).toBe(720);
    expect(feeByPages(200)).toBe(700 + 2000);
    expect(feeByPages(201)).toBe(2700 + 40);
  });

  it("negative or fractional figures are refused", () => {
    expect(() => feeByPages(-1)).toThrow(DomainError);
    expect(() => feeByCount(0, 1.5)).toThrow(DomainError);
  });
});

import { z } from "zod";

/**
 * A number as the decimal it is written as: JavaScript prints the shortest decimal that reads
 * back as the same double, so 0.5000000000000001 stays that, not 0.5 (ADR 0038).
 */
function decimalOf(n: number): { units: bigint; places: number } {
  const [, int = "0", fraction = "", exponent = "0"] =
    /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(n))) ?? [];
  const places = fraction.length - Number(exponent);
  const units = BigInt(`${int}${fraction}`);
  return places >= 0 ? { units, places } : { units: units * 10n ** BigInt(-places), places: 0 };
}

/**
 * Whether `n`, read as the decimal it prints as, is a whole multiple of the decimal `step`.
 * Exact where a float remainder is not: zod's multipleOf(0.5) lets 0.5000000000000001 pass.
 */
export function isDecimalMultiple(n: number, step: number): boolean {
  if (!Number.isFinite(n) || !Number.isFinite(step) || step <= 0) return false;
  const value = decimalOf(n);
  const unit = decimalOf(step);
  const places = Math.max(value.places, unit.places);
  const scaled = (d: typeof value) => d.units * 10n ** BigInt(places - d.places);
  return scaled(value) % scaled(unit) === 0n;
}

/** A number in whole steps of a decimal, e.g. the half points of an evaluation sheet. */
export const decimalStep = (step: number, message: string) =>
  z.number().refine((n) => isDecimalMultiple(n, step), message);

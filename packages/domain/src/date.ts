import { z } from "zod";

/** A calendar day, YYYY-MM-DD. Day-based rules use the Asia/Shanghai day. */
export const IsoDate = z.iso.date({ message: "日期格式须为YYYY-MM-DD" });
export type IsoDate = z.infer<typeof IsoDate>;

export const IsoDateTime = z.iso.datetime({ offset: true, message: "时间须为ISO 8601格式" });

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Asia/Shanghai calendar day of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return shanghaiDay.format(instant);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

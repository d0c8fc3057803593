/** Where the console lives: under the supervision app, as the local server and API Gateway mount it. */
export const consoleBase = "/supervision/console";

/** A console page's address with its filters (empty ones left out). */
export function consolePath(path: string, query: Record<string, string | number | undefined> = {}): string {
  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== "") kept.set(name, String(value));
  const search = kept.toString();
  return `${consoleBase}${path}${search ? `?${search}` : ""}`;
}

const minute = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as the office reads it: Beijing time to the minute ("2026/10/12 08:30"). */
export const beijingTime = (iso: string) => minute.format(new Date(iso));

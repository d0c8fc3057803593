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

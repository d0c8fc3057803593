import type { OutgoingNotice } from "@gov/domain";
import { vi } from "vitest";

/** The notice every channel test sends: the 2019 city training, to the finance bureau. */
export const sampleNotice: OutgoingNotice = {
  notice: {
    id: "ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    kind: "training",
    title: "关于举办2019年全市政务公开工作培训会的通知",
    body: "定于2019年11月15日举办全市政务公开工作培训会，请各单位分管领导及工作人员参加。",
    attachments: [],
    targets: { scope: "all" },
    unitCodes: ["000014351"],
    receipt: { required: true, workingDays: 5, dueOn: null },
    issuedOn: "2019-11-08",
    issuedBy: "000014349",
    version: 1,
    createdAt: "2019-11-08T02:00:00.000Z",
    updatedAt: "2019-11-08T02:00:00.000Z",
  },
  receiptDeadline: { dueOn: "2019-11-15", provisional: false },
  unitName: "共青城市财政局",
  link: "https://notices.example.gov.cn/notices/ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
};

/** 2019-11-15 14:00 in Shanghai: the clock of every channel test. */
export const fixedNow = new Date("2019-11-15T06:00:00.000Z");

/** Short enough to keep the timeout tests fast, long enough for a loaded machine's honest answer. */
export const testTimeoutMs = 300;

export const attempt = { clock: () => fixedNow, timeoutMs: testTimeoutMs };

/** Everything written to the console while `run` runs, to show no secret reaches a log. */
export async function consoleDuring(run: () => Promise<unknown>): Promise<string> {
  const written: unknown[][] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      written.push(args);
    }),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return JSON.stringify(written);
}

import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type startServer from "aws-ses-v2-local";

// A CommonJS package whose `default` export Node's ESM loader nests one level deeper: require
// gives the same function under tsx, vitest and Node alike.
const { default: startSesV2Local } = createRequire(import.meta.url)("aws-ses-v2-local") as {
  default: typeof startServer;
};

/**
 * A real SES v2 endpoint on this machine (the `aws-ses-v2-local` package, issue 13): the
 * email sender talks to it with the real SDK, and its page at `/` shows what was sent.
 * 0 picks a free port.
 */
export async function startEmailEmulator(port: number) {
  const server = await startSesV2Local({ host: "127.0.0.1", port });
  // Express hands a listen error (a port in use) to the callback and resolves anyway.
  if (!server.listening) {
    server.close();
    throw new Error(`邮件模拟服务无法监听端口 ${port}（端口可能已被占用，可用 SES_LOCAL_PORT 换一个）`);
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { createNoticesApp } from "./app.ts";
export { type ChannelConfig, channelConfig, createSenders } from "./channels/index.ts";

export * from "./audit.ts";
export * from "./calendar.ts";
// PENDING export * from "./column.ts";
export * from "./date.ts";
export * from "./error.ts";
export * from "./id.ts";
export * from "./index-number.ts";
export * from "./item.ts";
export * from "./unit.ts";

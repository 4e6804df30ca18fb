// ekdo-check for browsers and bundlers (ES module). Call `await init()` once before `check`.
export * from "./web/ekdo_check.js";
export { default } from "./web/ekdo_check.js";

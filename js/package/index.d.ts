export * from "./web/ekdo_check.js";
export { default } from "./web/ekdo_check.js";

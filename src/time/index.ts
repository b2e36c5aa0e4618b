export { TIME_FORMS_HELP, TimeInputError } from "./errors.js";
export { formatLocal, isValidTimeZone } from "./zone.js";
export {
  type ResolvedTime,
  type TimeInput,
  defaultTimeZone,
  formatUtcSeconds,
  resolveTimeQuery,
} from "./resolve.js";

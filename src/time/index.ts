export { TIME_FORMS_HELP, TimeInputError, ZONE_FORMS_HELP } from "./errors.js";
export { formatLocal, formatLocalMinute } from "./zone.js";
export {
  type ResolvedZone,
  type ZoneChoice,
  type ZoneSource,
  chooseZone,
  defaultTimeZone,
  isValidTimeZone,
  resolveZone,
  zoneLabel,
  zoneNotice,
} from "./zones.js";
export { type ResolvedTime, type TimeInput, formatUtcSeconds, resolveTimeQuery } from "./resolve.js";

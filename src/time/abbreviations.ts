// Data for zones.ts: what time-zone abbreviations mean, and the names people
// write for zones that are not zone names. Sources: the IANA tz database's
// abbreviations, CLDR's metazone names, and the legacy three-letter IDs ICU
// (hence Node's Intl) still accepts.
export interface Meaning {
  what: string;
  zone: string;
  offset: string;
}
const m = (what: string, zone: string, offset: string): Meaning => ({ what, zone, offset });

// What each abbreviation means, ambiguous ones with every common meaning. Intl accepts some of
// these with one meaning of its own (CST America/Chicago, IST Asia/Calcutta, BST Asia/Dhaka,
// AST America/Anchorage, NST Pacific/Auckland, SST Pacific/Guadalcanal, ART Africa/Cairo, EST a
// fixed UTC-5 with no summer time, ...): that is exactly why they are refused before Intl.
export const ABBREVIATIONS: Record<string, Meaning[]> = {
  CST: [
    m("China Standard Time", "Asia/Shanghai", "UTC+8"),
    m("Central Standard Time, North America", "America/Chicago", "UTC-6"),
    m("Cuba Standard Time", "America/Havana", "UTC-5"),
    m("Taiwan's standard time", "Asia/Taipei", "UTC+8"),
  ],
  CDT: [m("Central Daylight Time, North America", "America/Chicago", "UTC-5"), m("Cuba Daylight Time", "America/Havana", "UTC-4")],
  IST: [
    m("India Standard Time", "Asia/Kolkata", "UTC+05:30"),
    m("Irish Standard Time, in summer", "Europe/Dublin", "UTC+1"),
    m("Israel Standard Time", "Asia/Jerusalem", "UTC+2"),
  ],
  EST: [m("Eastern Standard Time, North America", "America/New_York", "UTC-5"), m("Australian Eastern Standard Time (older usage)", "Australia/Sydney", "UTC+10")],
  EDT: [m("Eastern Daylight Time, North America", "America/New_York", "UTC-4")],
  PST: [m("Pacific Standard Time, North America", "America/Los_Angeles", "UTC-8"), m("Philippine Standard Time", "Asia/Manila", "UTC+8")],
  PDT: [m("Pacific Daylight Time, North America", "America/Los_Angeles", "UTC-7")],
  MST: [
    m("Mountain Standard Time, North America", "America/Denver", "UTC-7"),
    m("Mountain Standard Time all year, Arizona", "America/Phoenix", "UTC-7"),
    m("Malaysia Standard Time", "Asia/Kuala_Lumpur", "UTC+8"),
  ],
  MDT: [m("Mountain Daylight Time, North America", "America/Denver", "UTC-6")],
  AKST: [m("Alaska Standard Time", "America/Anchorage", "UTC-9")],
  AKDT: [m("Alaska Daylight Time", "America/Anchorage", "UTC-8")],
  HST: [m("Hawaii Standard Time", "Pacific/Honolulu", "UTC-10")],
  AST: [m("Atlantic Standard Time", "America/Halifax", "UTC-4"), m("Arabia Standard Time", "Asia/Riyadh", "UTC+3")],
  ADT: [m("Atlantic Daylight Time", "America/Halifax", "UTC-3")],
  NST: [m("Newfoundland Standard Time", "America/St_Johns", "UTC-03:30")],
  BST: [m("British Summer Time", "Europe/London", "UTC+1"), m("Bangladesh Standard Time", "Asia/Dhaka", "UTC+6")],
  WET: [m("Western European Time", "Europe/Lisbon", "UTC+0")],
  WEST: [m("Western European Summer Time", "Europe/Lisbon", "UTC+1")],
  CET: [m("Central European Time (your country's zone, e.g. Europe/Paris or Europe/Rome)", "Europe/Berlin", "UTC+1")],
  CEST: [m("Central European Summer Time (your country's zone, e.g. Europe/Paris or Europe/Rome)", "Europe/Berlin", "UTC+2")],
  MET: [m("Middle European Time", "Europe/Berlin", "UTC+1")],
  EET: [m("Eastern European Time (your country's zone, e.g. Europe/Helsinki or Africa/Cairo)", "Europe/Athens", "UTC+2")],
  EEST: [m("Eastern European Summer Time (your country's zone, e.g. Europe/Helsinki)", "Europe/Athens", "UTC+3")],
  MSK: [m("Moscow Time", "Europe/Moscow", "UTC+3")],
  TRT: [m("Turkey Time", "Europe/Istanbul", "UTC+3")],
  GST: [m("Gulf Standard Time", "Asia/Dubai", "UTC+4"), m("South Georgia Time", "Atlantic/South_Georgia", "UTC-2")],
  PKT: [m("Pakistan Standard Time", "Asia/Karachi", "UTC+5")],
  NPT: [m("Nepal Time", "Asia/Kathmandu", "UTC+05:45")],
  ICT: [m("Indochina Time", "Asia/Bangkok", "UTC+7")],
  WIB: [m("Western Indonesia Time", "Asia/Jakarta", "UTC+7")],
  WITA: [m("Central Indonesia Time", "Asia/Makassar", "UTC+8")],
  WIT: [m("Eastern Indonesia Time", "Asia/Jayapura", "UTC+9")],
  PHT: [m("Philippine Time", "Asia/Manila", "UTC+8")],
  MYT: [m("Malaysia Time", "Asia/Kuala_Lumpur", "UTC+8")],
  SGT: [m("Singapore Time", "Asia/Singapore", "UTC+8")],
  HKT: [m("Hong Kong Time", "Asia/Hong_Kong", "UTC+8")],
  JST: [m("Japan Standard Time", "Asia/Tokyo", "UTC+9")],
  KST: [m("Korea Standard Time", "Asia/Seoul", "UTC+9"), m("Korea Standard Time, North Korea", "Asia/Pyongyang", "UTC+9")],
  AWST: [m("Australian Western Standard Time", "Australia/Perth", "UTC+8")],
  ACST: [m("Australian Central Standard Time, South Australia", "Australia/Adelaide", "UTC+09:30"), m("Australian Central Standard Time, Northern Territory", "Australia/Darwin", "UTC+09:30")],
  ACDT: [m("Australian Central Daylight Time", "Australia/Adelaide", "UTC+10:30")],
  AEST: [m("Australian Eastern Standard Time, with summer time (New South Wales, Victoria)", "Australia/Sydney", "UTC+10"), m("Australian Eastern Standard Time all year (Queensland)", "Australia/Brisbane", "UTC+10")],
  AEDT: [m("Australian Eastern Daylight Time", "Australia/Sydney", "UTC+11")],
  NZST: [m("New Zealand Standard Time", "Pacific/Auckland", "UTC+12")],
  NZDT: [m("New Zealand Daylight Time", "Pacific/Auckland", "UTC+13")],
  SST: [m("Samoa Standard Time", "Pacific/Pago_Pago", "UTC-11"), m("Singapore Standard Time", "Asia/Singapore", "UTC+8")],
  SAST: [m("South Africa Standard Time", "Africa/Johannesburg", "UTC+2")],
  WAT: [m("West Africa Time", "Africa/Lagos", "UTC+1")],
  CAT: [m("Central Africa Time", "Africa/Maputo", "UTC+2")],
  EAT: [m("East Africa Time", "Africa/Nairobi", "UTC+3")],
  BRT: [m("Brasilia Time", "America/Sao_Paulo", "UTC-3")],
  ART: [m("Argentina Time", "America/Argentina/Buenos_Aires", "UTC-3")],
  CLT: [m("Chile Standard Time", "America/Santiago", "UTC-4")],
  ECT: [m("Ecuador Time", "America/Guayaquil", "UTC-5"), m("European Central Time (an old Java name)", "Europe/Paris", "UTC+1")],
  CTT: [m("China Time (an old Java name)", "Asia/Shanghai", "UTC+8")],
  // Country codes that are also (legacy) IANA names.
  PRC: [m("the People's Republic of China", "Asia/Shanghai", "UTC+8")],
  ROC: [m("the Republic of China (Taiwan)", "Asia/Taipei", "UTC+8")],
  ROK: [m("the Republic of Korea", "Asia/Seoul", "UTC+9")],
  NZ: [m("New Zealand", "Pacific/Auckland", "UTC+12")],
  GB: [m("Great Britain", "Europe/London", "UTC+0")],
};

// Names of five letters or fewer that are real zone names, not abbreviations.
export const SHORT_NAMES: Record<string, string> = { utc: "UTC", gmt: "GMT", uct: "UTC", z: "UTC", zulu: "UTC" };
export const SHORT_IANA = new Set(["cuba", "eire", "iran", "japan", "egypt", "libya"]);

// Not zone names, but what people write for a few of the zones users of this server live in.
export const SUGGEST: Record<string, string> = {
  beijing: "Asia/Shanghai", "beijing time": "Asia/Shanghai", china: "Asia/Shanghai", "china standard time": "Asia/Shanghai",
  "asia/beijing": "Asia/Shanghai", "asia/hangzhou": "Asia/Shanghai", "asia/shenzhen": "Asia/Shanghai", "asia/guangzhou": "Asia/Shanghai",
  hangzhou: "Asia/Shanghai", shenzhen: "Asia/Shanghai", guangzhou: "Asia/Shanghai", "北京时间": "Asia/Shanghai",
  "北京": "Asia/Shanghai", "中国": "Asia/Shanghai", "上海": "Asia/Shanghai", "東八區": "UTC+8", "东八区": "UTC+8",
  "india standard time": "Asia/Kolkata", india: "Asia/Kolkata", "asia/mumbai": "Asia/Kolkata", "asia/new_delhi": "Asia/Kolkata",
  "pacific time": "America/Los_Angeles", "pacific standard time": "America/Los_Angeles", "eastern time": "America/New_York",
  "eastern standard time": "America/New_York", "central time": "America/Chicago", "central standard time": "America/Chicago",
  "tokyo standard time": "Asia/Tokyo", "singapore standard time": "Asia/Singapore",
};

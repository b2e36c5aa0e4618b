// A strict RFC 4180 reader for the tests: records end in CRLF, quoted fields may hold , " CR LF.
// Anything else (a bare LF, a quote inside an unquoted field, text after a closing quote) throws.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] !== '"') {
      const start = i;
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") throw new Error(`bad character at ${i}`);
        i++;
      }
      return text.slice(start, i);
    }
    let out = "";
    i++;
    for (;;) {
      if (i >= text.length) throw new Error("unterminated quoted field");
      if (text[i] === '"') {
        if (text[i + 1] === '"') {
          out += '"';
          i += 2;
          continue;
        }
        i++;
        return out;
      }
      out += text[i++];
    }
  };
  while (i < text.length) {
    record.push(field());
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.slice(i, i + 2) !== "\r\n") throw new Error(`expected CRLF at ${i}`);
    i += 2;
    records.push(record);
    record = [];
  }
  if (record.length) throw new Error("last record has no CRLF");
  return records;
}

/** Records as objects keyed by the header. */
export function csvRows(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...records] = parseCsv(text);
  for (const r of records) if (r.length !== header.length) throw new Error(`record of ${r.length} fields, header has ${header.length}`);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]!]))) };
}

// Where a JSON text goes wrong, without quoting it: V8's own messages quote a piece of the text
// ("Unexpected token '}', "{"a": }" is not valid JSON"), and a credentials file must never be quoted.

export interface JsonSyntaxError {
  line: number;
  column: number;
  /** What was found wrong, in words that quote nothing. */
  what: string;
}

/** Thrown inside the scanner to stop at the first error; caught below, never escapes. */
class Stop extends Error {
  constructor(
    readonly at: number,
    readonly what: string,
  ) {
    super(what);
  }
}

/** The first syntax error of `text` as JSON, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (what: string): never => {
    throw new Stop(i, i >= text.length ? "it ends too early (cut short?)" : what);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === "\\") i += 2;
      else if (c < " ") fail("a control character inside a string");
      else i++;
    }
    fail("a string that never ends");
  };
  const value = (depth: number): void => {
    if (depth > 512) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === "{") {
          ws();
          if (text[i] !== '"') fail("expected a double-quoted property name");
          string();
          ws();
          if (text[i] !== ":") fail("expected ':' after a property name");
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === close) return void i++;
        fail(`expected ',' or '${close}'`);
      }
    }
    if (c === '"') return string();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0] !== "-") return void (i += number[0].length);
    for (const word of ["true", "false", "null"]) if (text.startsWith(word, i)) return void (i += word.length);
    fail("an unexpected character");
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail("more text after the end of the JSON value");
    return undefined;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    const before = text.slice(0, err.at);
    return { line: before.split("\n").length, column: err.at - before.lastIndexOf("\n"), what: err.what };
  }
}

import { beforeEach, describe, expect, it } from "vitest";
import { MAX_REGISTERED, Redactor, maskAccessKeyId } from "../src/redact.js";

let r: Redactor;
beforeEach(() => {
  r = new Redactor();
});
const redact = (text: string) => r.redact(text);
const redactDeep = <T>(value: T) => r.redactDeep(value);
const registerSecret = (value: string) => r.registerSecret(value);
const registerAccessKeyId = (value: string) => r.registerAccessKeyId(value);

describe("redaction", () => {
  it("masks AccessKey IDs as LTAI****abcd", () => {
    expect(maskAccessKeyId("LTAI5tAbcdEfgh1234abcd")).toBe("LTAI****abcd");
    expect(maskAccessKeyId("short")).toBe("****");
  });

  it("removes registered secrets and masks registered key IDs anywhere in text", () => {
    registerSecret("TheSecretValue1234567890");
    registerSecret("STS.TokenValue.abcdefghijklmnop");
    registerAccessKeyId("LTAI5tAbcdEfgh1234abcd");
    const out = redact("id=LTAI5tAbcdEfgh1234abcd secret TheSecretValue1234567890 token STS.TokenValue.abcdefghijklmnop");
    expect(out).not.toContain("TheSecretValue1234567890");
    expect(out).not.toContain("STS.TokenValue");
    expect(out).not.toContain("LTAI5tAbcdEfgh1234abcd");
    expect(out).toContain("LTAI****abcd");
  });

  it("scrubs Authorization headers, signatures and secret-looking fields even when not registered", () => {
    const auth =
      "authorization: ACS3-HMAC-SHA256 Credential=LTAIx,SignedHeaders=host;x-acs-action,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
    expect(redact(auth)).not.toMatch(/06563a9e/);
    expect(redact('{"x-acs-security-token":"abc.def"}')).not.toContain("abc.def");
    expect(redact('{"access_key_secret":"s3cr3t"}')).not.toContain("s3cr3t");
    expect(redact("AccessKeySecret=s3cr3t")).not.toContain("s3cr3t");
  });

  it("removes registered values even in text with none of the usual key words", () => {
    registerSecret("Zq9xK2mP4vB7nL1cWw");
    registerSecret("Zq9xK2mP4vB7nL1cWwLonger");
    expect(redact("a Zq9xK2mP4vB7nL1cWwLonger b Zq9xK2mP4vB7nL1cWw c")).toBe("a [REDACTED] b [REDACTED] c");
    expect(redact("plain text, nothing to hide")).toBe("plain text, nothing to hide");
  });

  it("redacts deeply in structured values", () => {
    registerSecret("TheSecretValue1234567890");
    expect(redactDeep({ a: ["x TheSecretValue1234567890"], b: { c: 1 } })).toEqual({ a: ["x [REDACTED]"], b: { c: 1 } });
  });

  it("redacts keys as well as values", () => {
    registerSecret("Key-Shaped-Secret-0123456789");
    const out = redactDeep({ ByStatus: { "Key-Shaped-Secret-0123456789": 3, Finished: 1 } });
    expect(JSON.stringify(out)).not.toContain("Key-Shaped-Secret");
    expect(out.ByStatus).toHaveProperty("[REDACTED]", 3);
  });

  it("keeps a __proto__ key as data, not as the object's prototype", () => {
    const input = JSON.parse('{"__proto__":{"polluted":1},"x":2}') as Record<string, unknown>;
    const out = redactDeep(input);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":1},"x":2}');
  });

  it("registers idempotently and keeps only the newest values, so rotation cannot grow it without bound", () => {
    registerSecret("First-Rotated-Token-000000");
    registerSecret("First-Rotated-Token-000000");
    for (let i = 1; i <= MAX_REGISTERED; i++) registerSecret(`Rotated-Token-${String(i).padStart(12, "0")}`);
    expect(redact("First-Rotated-Token-000000")).toBe("First-Rotated-Token-000000");
    expect(redact(`Rotated-Token-${String(MAX_REGISTERED).padStart(12, "0")}`)).toBe("[REDACTED]");
    expect(redact("Rotated-Token-000000000001")).toBe("[REDACTED]");
  });

  it("is an object per process: one redactor's secrets are not another's", () => {
    registerSecret("Only-In-The-First-Redactor-01");
    expect(new Redactor().redact("Only-In-The-First-Redactor-01")).toBe("Only-In-The-First-Redactor-01");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { maskAccessKeyId, redact, redactDeep, registerAccessKeyId, registerSecret, resetRedactionForTests } from "../src/redact.js";

afterEach(() => resetRedactionForTests());

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
});

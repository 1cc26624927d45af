import { describe, expect, it } from "vitest";
import { cancelToken } from "../gift-aid/cancel-token";
import { isValidUnsubscribeToken, unsubscribePath, unsubscribeToken } from "./unsubscribe-token";

const SECRET = "a-test-secret-that-is-at-least-32-characters";

describe("the digest's unsubscribe token", () => {
  it("is valid for the user it was made for", () => {
    expect(isValidUnsubscribeToken("user-1", unsubscribeToken("user-1", SECRET), SECRET)).toBe(true);
  });

  it("is not valid for another user, or with another secret", () => {
    const token = unsubscribeToken("user-1", SECRET);
    expect(isValidUnsubscribeToken("user-2", token, SECRET)).toBe(false);
    expect(isValidUnsubscribeToken("user-1", token, `${SECRET}-rotated`)).toBe(false);
  });

  it("is not valid when tampered with, cut short, missing or empty", () => {
    const token = unsubscribeToken("user-1", SECRET);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(isValidUnsubscribeToken("user-1", tampered, SECRET)).toBe(false);
    expect(isValidUnsubscribeToken("user-1", token.slice(0, 10), SECRET)).toBe(false);
    expect(isValidUnsubscribeToken("user-1", `${token}x`, SECRET)).toBe(false);
    expect(isValidUnsubscribeToken("user-1", null, SECRET)).toBe(false);
    expect(isValidUnsubscribeToken("user-1", "", SECRET)).toBe(false);
    expect(isValidUnsubscribeToken("", token, SECRET)).toBe(false);
  });

  it("is not a Gift Aid cancel token for the same id (each signed link has its own purpose)", () => {
    expect(isValidUnsubscribeToken("same-id", cancelToken("same-id", SECRET), SECRET)).toBe(false);
  });

  it("makes the link's path with the id and token", () => {
    expect(unsubscribePath("user 1", SECRET)).toBe(`/digest/unsubscribe/user%201?token=${unsubscribeToken("user 1", SECRET)}`);
  });
});

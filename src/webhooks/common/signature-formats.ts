/**
 * The exact shapes of the providers' signature headers. A value is compared only once it has the
 * right shape, and always with the canonical text the provider sends (lower-case hex, padded
 * base64): decoding first would accept other spellings of the same bytes (`AB` for `ab`, a base64
 * character whose unused low bits differ), so a flipped bit could still verify.
 */

/** `n` bytes as lower-case hex. */
export const hexOfBytes = (n: number): RegExp => new RegExp(`^[0-9a-f]{${2 * n}}$`);

/** Exactly 20 bytes (HMAC-SHA1) as padded base64: 27 characters and one `=`. */
export const BASE64_SHA1 = /^[A-Za-z0-9+/]{27}=$/;

/** Exactly 32 bytes (HMAC-SHA256) as padded base64: 43 characters and one `=`. */
export const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

export const HEX_SHA256 = hexOfBytes(32);

/** A shared token sent as is (Clockify): visible ASCII, no spaces or commas, 1–512 characters. */
export const TOKEN = /^[\x21-\x2b\x2d-\x7e]{1,512}$/;

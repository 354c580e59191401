// Byte-level facts about UTF-8, for placing an encoding error and for telling mixed files apart.

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead === undefined) return 0;
  if (lead < 0x80) return 1;
  // Second-byte ranges exclude overlong forms, surrogates and code points past U+10FFFF (RFC 3629 §4).
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return 0;
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (byte < min || byte > max) return 0;
  }
  return length;
}

/** Offset of the first byte that is not part of valid UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/**
 * Whether the bytes hold a multi-byte UTF-8 sequence for an Italian letter or typographic sign
 * (leads 0xC2, 0xC3, 0xE2: à è é ì ò ù, ° « », ’ “ ” € …). Read as Windows-1252 these leads are
 * Â Ã â, which Italian text almost never has, so finding one in a non-UTF-8 file means mixed encodings.
 */
export function hasItalianUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if ((lead === 0xc2 || lead === 0xc3 || lead === 0xe2) && utf8SequenceLength(bytes, i) > 1) return true;
  }
  return false;
}

/**
 * What the first and last bytes of a file say about it, before any decoder sees it. Shared by
 * the CLI (sharp) and the extension (createImageBitmap): decoders are lenient in different
 * ways (Chromium paints a truncated JPEG grey at the bottom and calls it a success), so the
 * problems a user should hear about are found here, with one wording for both.
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

const SUPPORTED = 'Facetag reads photos: JPEG, PNG, WebP or GIF';

/** The format from the file's first bytes; the extension is never trusted. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** An SVG document (optionally behind a BOM, whitespace, an XML declaration or comments). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<svg[\s>]/i.test(head);
}

/** Index of the last FF D9 (JPEG end of image) in the file's tail, or -1. */
function lastJpegEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 4096); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return i;
  return -1;
}

function isTruncated(bytes: Uint8Array, format: ImageFormat): boolean {
  switch (format) {
    case 'jpeg':
      return lastJpegEnd(bytes) < 0;
    case 'png':
      return !ascii(bytes, Math.max(0, bytes.length - 64), bytes.length).includes('IEND');
    case 'gif':
      // The GIF trailer (0x3B); encoders may pad after it, never before.
      return !bytes.subarray(Math.max(0, bytes.length - 64)).includes(0x3b);
    case 'webp':
      // RIFF's little-endian size counts every byte after the first 8.
      return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true) + 8 > bytes.length;
  }
}

/**
 * Why these bytes are not a photo Facetag can read, in words for the user, or null when they
 * may be one (the decoder has the last word). `allowOther` lets formats the browser decodes
 * but the CLI does not (AVIF, BMP) through.
 */
export function imageProblem(bytes: Uint8Array, allowOther = false): string | null {
  if (bytes.length === 0) return 'the image file is empty (0 bytes)';
  if (looksLikeSvg(bytes)) return `SVG drawings are not analysed: ${SUPPORTED}`;
  const format = sniffFormat(bytes);
  if (!format) return allowOther ? null : `not a supported image: ${SUPPORTED}`;
  if (isTruncated(bytes, format)) return `the ${format.toUpperCase()} file is truncated: it ends before the image does`;
  return null;
}

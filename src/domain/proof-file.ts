/** Largest certificate accepted, in bytes (10 MB). */
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;

export type ProofMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** Signatures at the start of each accepted format. A file's name and declared type are not trusted. */
const SIGNATURES: readonly (readonly [ProofMediaType, readonly number[]])[] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // "%PDF-"
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The media type the bytes really are, or null when they are none of PDF, PNG and JPEG. */
export function sniffMediaType(bytes: Uint8Array): ProofMediaType | null {
  // A PDF may carry up to 1024 bytes of junk before its header (PDF 1.7, §7.5.2).
  for (const [type, signature] of SIGNATURES) {
    const window = type === 'application/pdf' ? 1024 : 0;
    for (let offset = 0; offset <= Math.min(window, bytes.length - signature.length); offset += 1) {
      if (signature.every((byte, i) => bytes[offset + i] === byte)) return type;
    }
  }
  return null;
}

export const MEDIA_TYPE_LABELS: Readonly<Record<ProofMediaType, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

/**
 * Windows-1252 decoding. Node's TextDecoder('windows-1252') takes a Latin-1 shortcut and turns 0x80–0x9F
 * into invisible C1 controls, losing curly quotes, dashes and the euro sign; this table restores them.
 */
const HIGH_CONTROLS: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ'
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const CHUNK = 8192
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const codes = Array.from(bytes.subarray(at, at + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? (HIGH_CONTROLS[b] ?? String.fromCharCode(b)).charCodeAt(0) : b
    )
    out += String.fromCharCode(...codes)
  }
  return out
}

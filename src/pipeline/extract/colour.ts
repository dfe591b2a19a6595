/** Six hex digits (no '#') of a nearly white colour: every channel at least F0. Text in it vanishes on a white page. */
export function isNearWhite(hex: string | undefined): boolean {
  return (
    hex !== undefined &&
    /^[0-9a-f]{6}$/i.test(hex) &&
    [0, 2, 4].every((i) => parseInt(hex.slice(i, i + 2), 16) >= 0xf0)
  )
}

/** Inline CSS that hides an element's text from a reader (HTML pages and HTML inside Markdown). */
const HIDING_DECLARATION =
  /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:!important)?\s*(?:;|$))/i

export function hidesContent(style: string): boolean {
  return HIDING_DECLARATION.test(style)
}

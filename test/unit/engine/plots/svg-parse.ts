/** Strict XML parse for tests: any warning, error or fatal error from the parser fails the test. */
import { DOMParser } from '@xmldom/xmldom'

export interface ParsedSvg {
  root: Element
  all: (tag: string) => Element[]
  text: string
}

export function parseSvg(svg: string): ParsedSvg {
  const problems: string[] = []
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(m),
      error: (m: string) => problems.push(m),
      fatalError: (m: string) => problems.push(m)
    }
  }).parseFromString(svg, 'image/svg+xml')
  if (problems.length > 0) throw new Error('invalid SVG: ' + problems.join('; '))
  const root = doc.documentElement as unknown as Element
  return {
    root,
    all: (tag) => Array.from(doc.getElementsByTagName(tag) as unknown as ArrayLike<Element>),
    text: root.textContent ?? ''
  }
}

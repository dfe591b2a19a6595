/**
 * ODT styles, for paragraph kinds and for hidden text (issue 17.11). Styles come from content.xml's
 * automatic styles and styles.xml's named and automatic styles; a style's look is its parent chain's
 * properties overridden by its own, on top of the family's default style.
 */
import type { HiddenHow } from '../../shared/types'
import { childElements, firstChild, type XmlElement } from './xml'
import { isNearWhite } from './colour'

export interface OdtLook {
  /** text:display: "none" hides the text. */
  display?: string
  /** fo:color, "#rrggbb". */
  color?: string
  /** fo:font-size in points. */
  size?: number
  /** fo:background-color of the text or the paragraph, "#rrggbb" or "transparent". */
  fill?: string
}

interface OdtStyle {
  look: OdtLook
  parent?: string
  automatic: boolean
}

export interface OdtStyles {
  /** "family/name" → style. */
  styles: Map<string, OdtStyle>
  defaults: Map<string, OdtLook>
}

const POINTS_PER: Record<string, number> = { pt: 1, px: 0.75, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 }

function points(value: string | undefined): number | undefined {
  const m = /^\s*([0-9.]+)\s*(pt|px|pc|in|cm|mm)\s*$/i.exec(value ?? '')
  if (!m) return undefined
  const n = Number(m[1]) * (POINTS_PER[(m[2] as string).toLowerCase()] ?? 1)
  return Number.isFinite(n) ? n : undefined
}

function readLook(style: XmlElement): OdtLook {
  const look: OdtLook = {}
  const text = firstChild(style, 'style:text-properties')
  const paragraph = firstChild(style, 'style:paragraph-properties')
  const display = text?.attrs['text:display']
  if (display) look.display = display
  const color = text?.attrs['fo:color']
  if (color) look.color = color
  const size = points(text?.attrs['fo:font-size'])
  if (size !== undefined) look.size = size
  const fill = text?.attrs['fo:background-color'] ?? paragraph?.attrs['fo:background-color']
  if (fill) look.fill = fill
  return look
}

export function readOdtStyles(content: XmlElement, stylesRoot: XmlElement | undefined): OdtStyles {
  const result: OdtStyles = { styles: new Map(), defaults: new Map() }
  const add = (container: XmlElement | undefined, automatic: boolean): void => {
    for (const s of container ? childElements(container) : []) {
      const family = s.attrs['style:family'] ?? ''
      if (s.name === 'style:default-style') result.defaults.set(family, readLook(s))
      if (s.name !== 'style:style') continue
      const name = s.attrs['style:name']
      if (!name) continue
      result.styles.set(`${family}/${name}`, {
        look: readLook(s),
        parent: s.attrs['style:parent-style-name'],
        automatic
      })
    }
  }
  if (stylesRoot) {
    add(firstChild(stylesRoot, 'office:styles'), false)
    add(firstChild(stylesRoot, 'office:automatic-styles'), true)
  }
  add(firstChild(content, 'office:automatic-styles'), true)
  return result
}

/** An automatic style's named parent ("P1" → "Heading_20_1"), else the name itself. */
export function namedStyle(styles: OdtStyles, name: string): string {
  const style = styles.styles.get(`paragraph/${name}`)
  return style?.automatic && style.parent ? style.parent : name
}

/** The look of a style with its parent chain applied (parents first), at most a few levels deep. */
export function styleLook(styles: OdtStyles, family: string, name: string | undefined): OdtLook {
  const chain: OdtLook[] = []
  for (let depth = 0; name !== undefined && depth < 16; depth++) {
    const style = styles.styles.get(`${family}/${name}`)
    if (!style) break
    chain.unshift(style.look)
    name = style.parent
  }
  return Object.assign({}, ...chain) as OdtLook
}

export function paragraphLook(p: XmlElement, styles: OdtStyles): OdtLook {
  return {
    ...styles.defaults.get('paragraph'),
    ...styleLook(styles, 'paragraph', p.attrs['text:style-name'])
  }
}

/** ODF writes colours as "#rrggbb". */
function isWhite(color: string | undefined): boolean {
  return color?.startsWith('#') === true && isNearWhite(color.slice(1))
}

/** Why text with this look is invisible, or null when a reader sees it. */
export function odtHiddenHow(look: OdtLook): HiddenHow | null {
  if (look.display === 'none') return 'hidden-formatting'
  if (look.size !== undefined && look.size <= 1) return 'tiny-text'
  const background = look.fill && /^#[0-9a-f]{6}$/i.test(look.fill) && !isWhite(look.fill)
  if (isWhite(look.color) && !background) return 'white-text'
  return null
}

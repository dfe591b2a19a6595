/**
 * What a DOCX run looks like to a reader, for hidden text (issue 17.11): Word's hidden formatting
 * (w:vanish, w:webHidden), white text on a white background, and text of 1 point or smaller. Run properties
 * are resolved as Word does, most specific last: document defaults, the paragraph style (with its basedOn
 * chain), the character style, then the run's own properties.
 */
import type { HiddenHow } from '../../shared/types'
import { childElements, firstChild, type XmlElement } from './xml'
import { isNearWhite } from './colour'

export interface RunLook {
  vanish?: boolean
  /** Text colour, "RRGGBB" or "auto". */
  color?: string
  /** Font size in half-points. */
  size?: number
  /** Run shading or highlight behind the text, "RRGGBB" or "auto"/"none". */
  fill?: string
}

export interface RunStyles {
  defaults: RunLook
  /** Style id → its own run properties and the style it is based on. */
  styles: Map<string, { look: RunLook; basedOn?: string }>
  defaultParagraphStyle?: string
}

/** Half-points: 2 is 1 point, the size at which text can no longer be read. */
const TINY_HALF_POINTS = 2

const HIGHLIGHT_HEX: Record<string, string> = {
  black: '000000',
  blue: '0000FF',
  cyan: '00FFFF',
  green: '00FF00',
  magenta: 'FF00FF',
  red: 'FF0000',
  yellow: 'FFFF00',
  white: 'FFFFFF',
  darkBlue: '000080',
  darkCyan: '008080',
  darkGreen: '008000',
  darkMagenta: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0'
}

function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined
  const v = el.attrs['w:val']
  return v === undefined || !/^(?:0|false|off)$/i.test(v)
}

export function readRunLook(rPr: XmlElement | undefined): RunLook {
  if (!rPr) return {}
  const look: RunLook = {}
  const vanish = onOff(firstChild(rPr, 'w:vanish')) ?? onOff(firstChild(rPr, 'w:webHidden'))
  if (vanish !== undefined) look.vanish = vanish
  const color = firstChild(rPr, 'w:color')?.attrs['w:val']
  if (color) look.color = color
  const size = Number(firstChild(rPr, 'w:sz')?.attrs['w:val'])
  if (Number.isFinite(size) && size > 0) look.size = size
  const shd = firstChild(rPr, 'w:shd')?.attrs['w:fill']
  const highlight = firstChild(rPr, 'w:highlight')?.attrs['w:val']
  const fill = highlight && highlight !== 'none' ? (HIGHLIGHT_HEX[highlight] ?? '000000') : shd
  if (fill) look.fill = fill
  return look
}

export function readRunStyles(stylesRoot: XmlElement | undefined): RunStyles {
  const result: RunStyles = { defaults: {}, styles: new Map() }
  if (!stylesRoot) return result
  const defaults = firstChild(stylesRoot, 'w:docDefaults')
  const rPrDefault = defaults ? firstChild(defaults, 'w:rPrDefault') : undefined
  result.defaults = readRunLook(rPrDefault ? firstChild(rPrDefault, 'w:rPr') : undefined)
  for (const s of childElements(stylesRoot, 'w:style')) {
    const id = s.attrs['w:styleId']
    if (!id) continue
    result.styles.set(id, {
      look: readRunLook(firstChild(s, 'w:rPr')),
      basedOn: firstChild(s, 'w:basedOn')?.attrs['w:val']
    })
    if (s.attrs['w:type'] === 'paragraph' && /^(?:1|true|on)$/i.test(s.attrs['w:default'] ?? ''))
      result.defaultParagraphStyle = id
  }
  return result
}

/** A style's run look with its basedOn chain applied (the base first), at most a few levels deep. */
export function styleLook(id: string | undefined, styles: RunStyles): RunLook {
  const chain: RunLook[] = []
  for (let depth = 0; id !== undefined && depth < 16; depth++) {
    const style = styles.styles.get(id)
    if (!style) break
    chain.unshift(style.look)
    id = style.basedOn
  }
  return Object.assign({}, ...chain) as RunLook
}

/** A fill that replaces the white page behind the text ("auto", "none" and white leave it white). */
function isBackground(hex: string | undefined): boolean {
  return hex !== undefined && /^[0-9a-f]{6}$/i.test(hex) && !isNearWhite(hex)
}

/**
 * Why a run with this look is invisible, or null when a reader sees it. `behind` is the first fill behind the
 * run that is not the run's own: paragraph shading, table cell shading or the page background.
 */
export function hiddenHow(look: RunLook, behind: string | undefined): HiddenHow | null {
  if (look.vanish) return 'hidden-formatting'
  if (look.size !== undefined && look.size <= TINY_HALF_POINTS) return 'tiny-text'
  const background = isBackground(look.fill) ? look.fill : behind
  if (isNearWhite(look.color) && !isBackground(background)) return 'white-text'
  return null
}

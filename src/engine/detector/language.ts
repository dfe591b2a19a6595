/**
 * A deliberately simple English check: the share of very common English function words. English prose
 * sits around 0.3-0.5 (dense formal prose can fall to ~0.09); other Latin-script languages score near 0 and
 * show their own function words, which are counted too. The model was trained
 * on English only, so anything else gets the verdict 'unsupported-language' instead of a score.
 */
import { words } from './style'

const STOPWORDS = new Set(
  (
    'the of and to a in is it that for was on are as with be by this have from or at not but an they which ' +
    'you we he she his her their there were been has had would can will all if one so more about what when ' +
    'who do no my me i our your them than its also into some other these could may then only very just ' +
    'because people should think many much how most make like up out time even over such any each those ' +
    'being both where why while'
  ).split(' ')
)

/** Frequent function words of other Latin-script languages (none of them English words). */
const FOREIGN = new Set(
  (
    'de la le les des du et est une un el los las del que por con para und der die das den dem ist nicht ' +
    'ein eine mit sich auf het een van zijn niet och att det som är för il di che non per della sono ' +
    'ja ei se ole da em os não uma ' +
    // languages near the cut-off: Danish/Norwegian, Swedish, Indonesian/Malay, Tagalog, Turkish, Polish,
    // Czech, Romanian, and more French, German, Dutch, Spanish
    'og ikke jeg på inte jag yang dan ini itu dengan tidak ang ng mga bir ve bu için nie się jest że je na ' +
    'jsou și nu pas aussi mais auch oder ook maar pero muy también'
  ).split(' ')
)

export interface LanguageCheck {
  words: number
  stopwordRatio: number
  foreignRatio: number
  latinShare: number
  /** Letters of any script. */
  letters: number
}

export function checkLanguage(normalisedText: string): LanguageCheck {
  const tokens = words(normalisedText).map((w) => w.toLowerCase())
  let stop = 0
  let foreign = 0
  for (const t of tokens) {
    if (STOPWORDS.has(t)) stop++
    else if (FOREIGN.has(t)) foreign++
  }
  const letters = normalisedText.match(/\p{L}/gu) ?? []
  const latin = normalisedText.match(/\p{Script=Latin}/gu) ?? []
  return {
    words: tokens.length,
    stopwordRatio: tokens.length > 0 ? stop / tokens.length : 0,
    foreignRatio: tokens.length > 0 ? foreign / tokens.length : 0,
    latinShare: letters.length > 0 ? latin.length / letters.length : 0,
    letters: letters.length
  }
}

/**
 * Code, formulas and symbol-heavy text: the detector was trained on prose, so such text is not judged.
 * Measured on the text as written (markup characters included): the share of code/maths symbols among
 * non-space characters, and the share of lines that end like code statements.
 */
export function looksLikeCodeOrMaths(text: string): boolean {
  const visible = text.replace(/\s+/g, '')
  if (visible.length < 200) return false
  const symbols = (visible.match(/[{}[\]();=<>+*/^_$\\|&%~`@#]/g) ?? []).length
  const lines = text.split('\n').filter((l) => l.trim().length > 0)
  const codeLines = lines.filter((l) =>
    /[;{}]\s*$|^\s*(def|class|import|return|for|while|if)\b.*[:(]/.test(l)
  )
  return symbols / visible.length > 0.08 || (lines.length >= 5 && codeLines.length / lines.length > 0.3)
}

/** Enough letters to tell that a text in another script is not English (two short sentences of Chinese). */
const MIN_LETTERS_OTHER_SCRIPT = 40

export function isSupportedLanguage(
  check: LanguageCheck,
  minStopwordRatio: number,
  minWords: number
): boolean {
  // Chinese or Japanese has few space-separated "words" but many letters: it is not English, however short it
  // looks by word count (issue 17.15).
  if (check.letters >= MIN_LETTERS_OTHER_SCRIPT && check.latinShare < 0.5) return false
  if (check.words < minWords) return true // too little text to tell; length rules handle it
  return (
    check.latinShare >= 0.8 &&
    check.stopwordRatio >= minStopwordRatio &&
    check.foreignRatio < check.stopwordRatio
  )
}

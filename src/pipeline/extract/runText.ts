/** Text of a block being read, with the hidden runs taken out and noted where they were (issue 17.11). */
import type { BlockKind, HiddenHow } from '../../shared/types'
import type { RawBlock, RawHidden } from '../../engine/text'

export class RunText {
  private readonly parts: string[] = []
  private length = 0
  readonly hidden: RawHidden[] = []

  add(text: string): void {
    this.parts.push(text)
    this.length += text.length
  }

  hide(text: string, how: HiddenHow): void {
    const last = this.hidden[this.hidden.length - 1]
    // Consecutive hidden runs (Word splits a paragraph into many runs) are one stretch.
    if (last && last.at === this.length && last.how === how) last.text += text
    else this.hidden.push({ at: this.length, text, how })
  }

  /** Appends another collector's text, moving its hidden stretches along. */
  append(other: RunText): void {
    for (const h of other.hidden) this.hidden.push({ ...h, at: this.length + h.at })
    this.add(other.text())
  }

  /** No text yet (hidden stretches aside); cheap, unlike text(). */
  get empty(): boolean {
    return this.length === 0
  }

  text(): string {
    return this.parts.join('')
  }

  block(kind: BlockKind | undefined): RawBlock {
    return { text: this.text(), page: null, kind, ...(this.hidden.length > 0 ? { hidden: this.hidden } : {}) }
  }
}

/** Renders resources/style/style-compare.card.md from the card's figures. */
import type { StyleCompareCard } from '../../engine/style-compare/card'

export function renderStyleCard(card: StyleCompareCard): string {
  return `# Style comparison card\n\n(placeholder renderer)\n\n\`\`\`json\n${JSON.stringify(card.figures, null, 1)}\n\`\`\`\n`
}

/** What a reader sees in report HTML: tags dropped, the entities escapeHtml writes decoded, spaces collapsed. */
export function visibleText(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '')
  return body
    .replace(/<\/?(span|mark|b|bdi)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#61;/g, '=')
    .replace(/&#58;/g, ':')
    .replace(/&shy;/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

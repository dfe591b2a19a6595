/**
 * The page shell every report shares: strict CSP (no scripts, no network, images only as data: URIs),
 * the constant stylesheet, and a frame table whose header row Chromium repeats at the top of every printed
 * page. That is how the file name reaches each page without ever putting a student string into CSS.
 */
import { markup, trusted, type SafeHtml } from './html'
import { REPORT_CSS } from './styles'

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export function reportPage(title: string, runningHeader: SafeHtml, body: SafeHtml): string {
  return markup`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(REPORT_CSP)}">
<meta name="generator" content="Inkprint">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<table class="frame" role="presentation">
<thead><tr><td>${runningHeader}</td></tr></thead>
<tbody><tr><td>
${body}
</td></tr></tbody>
</table>
</body>
</html>
`.value
}

// Injected with page.addInitScript before the renderer loads: defines `window.inkprint` (the InkprintApi of
// src/shared/api.ts) over fetch + EventSource against the loopback bridge that served the page.
// Plain JS because it is injected as-is.
;(() => {
  // The page's verbs of the contract, injected just before this script from PAGE_VERBS (src/shared/api.ts).
  const verbs = window.__inkprintVerbs
  const listeners = new Set()
  const events = new EventSource('/api/events')
  // Batches must not start before the event stream is open, or early progress events would be lost.
  const ready = new Promise((resolve) => {
    events.addEventListener('open', () => resolve(undefined), { once: true })
  })
  events.addEventListener('message', (message) => {
    const event = JSON.parse(message.data)
    for (const listener of listeners) listener(event)
  })

  const invoke = async (verb, arg) => {
    if (verb === 'startBatch') await ready
    const response = await fetch(`/api/${verb}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(arg ?? null)
    })
    return response.json()
  }

  const api = Object.fromEntries(verbs.map((verb) => [verb, (arg) => invoke(verb, arg)]))
  api.onBatchEvent = (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  // The preload's part: a dropped File becomes a path, which main grants. A browser gives no paths, so tests
  // register dropped files' paths by name: window.__inkprintTestPaths = { 'essay.docx': '/tmp/…/essay.docx' }.
  api.grantDroppedFiles = async (files) => {
    const map = window.__inkprintTestPaths || {}
    const paths = Array.from(files)
      .map((file) => map[file.name])
      .filter(Boolean)
    if (paths.length === 0) return { ok: true, value: [] }
    return invoke('grantDroppedPaths', { paths })
  }
  window.inkprint = api
})()

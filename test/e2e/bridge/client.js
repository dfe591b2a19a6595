// Injected with page.addInitScript before the renderer loads: defines `window.inkprint` (the InkprintApi of
// src/shared/api.ts) over fetch + EventSource against the loopback bridge that served the page.
// Plain JS because it is injected as-is.
;(() => {
  // The verbs of the contract, injected just before this script from API_CHANNELS (src/shared/api.ts).
  const channels = window.__inkprintChannels
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

  const invoke = async (channel, arg) => {
    if (channel === 'startBatch') await ready
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(arg ?? null)
    })
    return response.json()
  }

  const api = Object.fromEntries(channels.map((channel) => [channel, (arg) => invoke(channel, arg)]))
  api.onBatchEvent = (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  // Tests register dropped files' paths by name: window.__inkprintTestPaths = { 'essay.docx': '/tmp/…/essay.docx' }
  api.pathForFile = (file) => (window.__inkprintTestPaths && window.__inkprintTestPaths[file.name]) || null
  window.inkprint = api
})()

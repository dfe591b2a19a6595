import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import App from '../../src/renderer/src/App.svelte'
import { InkprintClient } from '../../src/renderer/src/lib/services/inkprint-client'
import { AppInfoStore } from '../../src/renderer/src/lib/stores/app-info.svelte'
import { DocumentsStore } from '../../src/renderer/src/lib/stores/documents.svelte'
import { NavigationStore } from '../../src/renderer/src/lib/stores/navigation.svelte'
import { SettingsStore } from '../../src/renderer/src/lib/stores/settings.svelte'
import { CalibrationFlowStore } from '../../src/renderer/src/lib/stores/calibration.svelte'
import { ProfilesStore } from '../../src/renderer/src/lib/stores/profiles.svelte'
import { ReportsStore } from '../../src/renderer/src/lib/stores/reports.svelte'
import { createFakeApi } from './fake-api'
import { corruptFile, scoredEssay, unscoredEssay } from './sample-results'

function renderApp(api = createFakeApi({ picked: ['/class'] })) {
  const client = new InkprintClient(api)
  const settings = new SettingsStore(null)
  const navigation = new NavigationStore()
  const documents = new DocumentsStore(client, settings, navigation, (flush) => queueMicrotask(flush))
  render(App, { props: { client, settings, navigation, documents, appInfo: new AppInfoStore(client) } })
  return { api, settings }
}

describe('App', () => {
  it('goes from the empty state through a batch to a document and back', async () => {
    const { api } = renderApp()
    expect(screen.getByRole('heading', { name: 'Drop essays here to check them' })).toBeTruthy()
    await fireEvent.click(screen.getAllByRole('button', { name: 'Open folder…' })[0])
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'startBatch')).toBe(true))
    api.runBatch('batch-1', [scoredEssay, unscoredEssay, corruptFile])
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(3))
    expect(screen.getByText('Checked 3 of 3 files in 1 s')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: /^Priya Patel/ }))
    expect(screen.getByTestId('verdict').textContent).toBe('Reads like AI-generated writing')
    // The heading names the student once; the file name is secondary.
    expect(document.activeElement?.textContent).toBe('Priya Patel')
    expect(screen.getByText(scoredEssay.fileName)).toBeTruthy()
    // Next / previous follow the table's order (most concerning first: Priya, then John, then the broken file).
    expect(screen.getByText('1 of 3')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Next ›' }))
    expect(screen.getByText('2 of 3')).toBeTruthy()
    await fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true })
    expect(screen.getByText('1 of 3')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: '← Class table' }))
    expect(screen.getAllByTestId('result-row')).toHaveLength(3)
    // Focus is back on the row of the student just read.
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Priya Patel'))
  })

  it('checks what the OS asked to open ("Open with…") on start, and again when the window is brought forward', async () => {
    const api = createFakeApi({ openRequests: ['/Downloads/Ava Chen - essay.docx'] })
    renderApp(api)
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'startBatch')).toBe(true))
    const started = api.calls.filter((c) => c.channel === 'startBatch')
    expect(started[0].arg).toMatchObject({ ids: ['grant:/Downloads/Ava Chen - essay.docx'] })
    api.runBatch('batch-1', [scoredEssay])
    await waitFor(() => expect(screen.getByTestId('verdict')).toBeTruthy())
    const asked = api.calls.filter((c) => c.channel === 'takeOpenRequests').length
    window.dispatchEvent(new Event('focus'))
    await waitFor(() =>
      expect(api.calls.filter((c) => c.channel === 'takeOpenRequests').length).toBe(asked + 1)
    )
    // nothing new was asked for: no second batch
    expect(api.calls.filter((c) => c.channel === 'startBatch')).toHaveLength(1)
  })

  it('offers earlier results kept on this machine, and forgets them after confirmation', async () => {
    const { api } = renderApp(createFakeApi({ previous: [scoredEssay] }))
    const button = await screen.findByRole('button', { name: 'Show 1 earlier result' })
    await fireEvent.click(button)
    expect(screen.getAllByTestId('result-row')).toHaveLength(1)
    await fireEvent.click(screen.getByRole('button', { name: 'Forget these results…' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Keep them' }))
    expect(api.calls.some((c) => c.channel === 'clearResults')).toBe(false)
    await fireEvent.click(screen.getByRole('button', { name: 'Forget these results…' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, forget them' }))
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Drop essays here to check them' })).toBeTruthy()
    )
    expect(api.calls.some((c) => c.channel === 'clearResults')).toBe(true)
  })

  it('changes the operating point in Settings', async () => {
    const { settings } = renderApp()
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }))
    await fireEvent.click(screen.getByLabelText(/Strict/))
    expect(settings.operatingPoint).toBe('strict')
  })

  it('opens the guided calibration from Settings and offers class report export', async () => {
    const api = createFakeApi({ previous: [scoredEssay] })
    const client = new InkprintClient(api)
    const settings = new SettingsStore(null)
    const navigation = new NavigationStore()
    const documents = new DocumentsStore(client, settings, navigation, (flush) => queueMicrotask(flush))
    render(App, {
      props: {
        client,
        settings,
        navigation,
        documents,
        appInfo: new AppInfoStore(client),
        reports: new ReportsStore(client),
        calibration: new CalibrationFlowStore(client, settings),
        profiles: new ProfilesStore(client)
      }
    })
    await fireEvent.click(await screen.findByRole('button', { name: 'Show 1 earlier result' }))
    expect(screen.getByRole('button', { name: 'Export class and student reports…' })).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Calibrate on your own essays…' }))
    expect(screen.getByRole('heading', { name: 'Calibrate on your own students’ essays' })).toBeTruthy()
    expect(navigation.view).toBe('calibration')
    expect(api.calls.some((c) => c.channel === 'listProfiles')).toBe(true)
  })

  it('shows the version and model in How to read Inkprint', async () => {
    renderApp()
    await fireEvent.click(screen.getByRole('button', { name: 'How to read Inkprint' }))
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog.textContent).toMatch(/Inkprint test;\s+no detector model loaded/))
    expect(screen.getByText(/Non-English text/)).toBeTruthy()
  })
})

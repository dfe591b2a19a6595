import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import type { CalibrationView, WatermarkProfileInfo } from '../../src/shared/api'
import CalibrationFlow from '../../src/renderer/src/lib/components/CalibrationFlow.svelte'
import DocumentView from '../../src/renderer/src/lib/components/DocumentView.svelte'
import ProfilesSettings from '../../src/renderer/src/lib/components/ProfilesSettings.svelte'
import SummaryCard from '../../src/renderer/src/lib/components/SummaryCard.svelte'
import { InkprintClient } from '../../src/renderer/src/lib/services/inkprint-client'
import { CalibrationFlowStore } from '../../src/renderer/src/lib/stores/calibration.svelte'
import { ProfilesStore } from '../../src/renderer/src/lib/stores/profiles.svelte'
import { ReportsStore } from '../../src/renderer/src/lib/stores/reports.svelte'
import { SettingsStore } from '../../src/renderer/src/lib/stores/settings.svelte'
import { createFakeApi } from './fake-api'
import { scoredEssay } from './sample-results'

const VIEW: CalibrationView = {
  id: 'cal-1',
  name: 'x',
  createdAt: '2026-11-29T00:00:00Z',
  nHuman: 30,
  nAi: 0,
  targetFpr: 0.05,
  threshold: 0.361,
  falsePositives: 1,
  fpr: { estimate: 1 / 30, lower: 0.0059, upper: 0.1667 },
  tpr: null,
  documentsNeeded: 59,
  enoughDocuments: false,
  description: '',
  warnings: ['Too few documents for the chosen target: … You need at least 59 known-human essays.'],
  model: { name: 'm', version: '1' },
  table: [
    { threshold: 0.41, falsePositives: 0, fpr: 0, fprLower: 0, fprUpper: 0.114, tpr: null },
    { threshold: 0.361, falsePositives: 1, fpr: 1 / 30, fprLower: 0.0059, fprUpper: 0.1667, tpr: null }
  ],
  plots: {
    histogram: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
    roc: null
  }
}

describe('report export from the document view', () => {
  it('sends only the path, scope and chosen format, and says where the file went', async () => {
    const api = createFakeApi()
    const reports = new ReportsStore(new InkprintClient(api))
    render(DocumentView, { props: { result: scoredEssay, reports, onBack: () => {} } })
    await fireEvent.change(screen.getByLabelText('Report format'), { target: { value: 'html' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Export report…' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Report saved: /reports/html')
    )
    expect(api.calls.find((c) => c.channel === 'exportReport')?.arg).toEqual({
      paths: [scoredEssay.path],
      scope: 'document',
      format: 'html'
    })
  })

  it('shows a failure plainly', async () => {
    const api = createFakeApi({ exported: { ok: false, error: { code: 'not-found', message: 'Gone.' } } })
    render(DocumentView, {
      props: { result: scoredEssay, reports: new ReportsStore(new InkprintClient(api)), onBack: () => {} }
    })
    await fireEvent.click(screen.getByRole('button', { name: 'Export report…' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('The report was not saved: Gone.')
    )
  })
})

describe('calibration', () => {
  it('walks through choose → score → review → save, and selects the saved profile', async () => {
    const api = createFakeApi({ picked: ['/school/Year 10'], calibration: VIEW })
    const settings = new SettingsStore(null)
    const flow = new CalibrationFlowStore(new InkprintClient(api), settings, async () => {})
    render(CalibrationFlow, { props: { flow, onClose: () => {} } })
    await fireEvent.click(screen.getByRole('button', { name: 'Choose human-written essays…' }))
    await waitFor(() => expect(screen.getByTestId('human-folder').textContent).toBe('Year 10'))
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Year 10')
    await fireEvent.click(screen.getByRole('button', { name: 'Score these essays' }))
    await screen.findByTestId('fpr-table')
    // The folder goes back to main by the id it was granted, never by its path.
    expect(api.calls.find((c) => c.channel === 'startCalibration')?.arg).toEqual({
      name: 'Year 10',
      humanIds: ['grant:/school/Year 10'],
      aiIds: []
    })
    expect(screen.getByTestId('calibration-result').textContent).toMatch(
      /flags 1 of your 30 human essays \(3\.3%\).*likely between 0\.6–17%/s
    )
    // The strict side is the default: 1%, said in students per class.
    expect(
      (screen.getByLabelText('Honest students you accept being flagged') as HTMLSelectElement).value
    ).toBe('0.01')
    expect(screen.getByTestId('target-meaning').textContent).toContain(
      'about 1 honest student in every 4 classes of 25'
    )
    expect(document.body.textContent).not.toMatch(/Wilson|ROC/)
    expect(screen.getByRole('alert').textContent).toContain('You need at least 59')
    const img = screen.getByRole('img') as HTMLImageElement
    expect(img.src.startsWith('data:image/svg+xml')).toBe(true)
    await fireEvent.change(screen.getByLabelText('Honest students you accept being flagged'), {
      target: { value: '0.005' }
    })
    await waitFor(() =>
      expect(api.calls.filter((c) => c.channel === 'previewCalibration').at(-1)?.arg).toMatchObject({
        targetFpr: 0.005
      })
    )
    await fireEvent.click(screen.getByRole('button', { name: 'Save and use this calibration' }))
    await screen.findByText(/Saved “Year 10” and selected it/)
    expect(settings.calibrationId).toBe('saved-1')
    expect(settings.checkOptions()).toEqual({ operatingPoint: 'balanced', calibrationId: 'saved-1' })
  })

  it('asks for confirmation before saving a calibration that flags more honest students than the shipped setting', async () => {
    const lax = { ...VIEW, shippedComparison: { name: 'balanced', threshold: 0.947, falsePositives: 0 } }
    const api = createFakeApi({ picked: ['/school/Year 10'], calibration: lax })
    const flow = new CalibrationFlowStore(new InkprintClient(api), new SettingsStore(null), async () => {})
    render(CalibrationFlow, { props: { flow, onClose: () => {} } })
    await fireEvent.click(screen.getByRole('button', { name: 'Choose human-written essays…' }))
    await waitFor(() => expect(screen.getByTestId('human-folder').textContent).toBe('Year 10'))
    await fireEvent.click(screen.getByRole('button', { name: 'Score these essays' }))
    await screen.findByTestId('laxer-warning')
    expect(screen.getByTestId('laxer-warning').textContent).toMatch(
      /flags 1 of your 30.*“balanced” setting flags 0/s
    )
    const save = screen.getByRole('button', { name: 'Save and use this calibration' }) as HTMLButtonElement
    expect(save.disabled).toBe(true)
    await fireEvent.click(screen.getByLabelText(/I understand that this flags more honest students/))
    expect(save.disabled).toBe(false)
  })

  it('names the calibration and its interval in the summary', () => {
    const point = {
      ...scoredEssay.detector!.operatingPoint,
      name: 'calibrated: Year 10',
      fpr: 1 / 30,
      calibration: { id: 'y10', name: 'Year 10', n: 30, fprInterval: [0.0059, 0.1667] as [number, number] }
    }
    render(SummaryCard, {
      props: { result: { ...scoredEssay, detector: { ...scoredEssay.detector!, operatingPoint: point } } }
    })
    expect(screen.getByTestId('operating-point').textContent).toContain(
      "'Year 10' (30 of your students’ essays): 3.3% of them flagged, likely between 0.6% and 17%"
    )
  })
})

describe('watermark profiles in Settings', () => {
  const PROFILES: WatermarkProfileInfo[] = [
    {
      id: 'a',
      name: 'KGW demo',
      scheme: 'kgw',
      tokenizer: 'gpt2',
      publicDefaultKey: true,
      source: 'shipped',
      enabled: true,
      unavailable: null,
      description: ''
    },
    {
      id: 'b',
      name: 'OPT demo',
      scheme: 'unigram',
      tokenizer: 'opt',
      publicDefaultKey: true,
      source: 'shipped',
      enabled: true,
      unavailable: 'The opt tokenizer this profile needs is not available on this computer.',
      description: ''
    }
  ]

  it('shows scheme, tokenizer, key kind and availability; lists import errors per field; toggles', async () => {
    const api = createFakeApi({
      profiles: PROFILES,
      imported: {
        imported: false,
        cancelled: false,
        errors: ['profile.params.gamma must be between 0 and 1']
      }
    })
    const profiles = new ProfilesStore(new InkprintClient(api))
    render(ProfilesSettings, { props: { profiles } })
    const items = await screen.findAllByTestId('profile')
    expect(items).toHaveLength(2)
    expect(items[0].textContent).toMatch(
      /KGW red\/green list\s+·\s+tokenizer gpt2\s+·\s+published public default key/
    )
    expect(items[1].textContent).toContain('not available on this computer')
    await fireEvent.click(screen.getByRole('button', { name: 'Import a profile…' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('params.gamma'))
    await fireEvent.click(screen.getAllByRole('checkbox')[1])
    await waitFor(() => expect(profiles.profiles[1].enabled).toBe(false))
    expect(api.calls.find((c) => c.channel === 'setProfileEnabled')?.arg).toEqual({ id: 'b', enabled: false })
  })
})

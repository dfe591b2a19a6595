/**
 * The app's calibration flow behind the contract: score known-human (and AI) folders in the background, show
 * the false-positive table and plots for any target rate, save a profile, and judge results with it.
 * The scores stay in memory until saved; a saved profile holds numbers only (CalibrationStore).
 */
import { randomUUID } from 'node:crypto'
import type { CalibrationProgress, CalibrationView, ModelFacts } from '../shared/api'
import { buildCalibrationProfile, rocOf, type CalibrationProfile } from '../engine/calibration'
import { histogramPlotSvg, rocPlotSvg } from '../engine/plots'
import type { CheckEngine } from '../pipeline/batch/engine'
import { calibrateFromFolders, CalibrationStore, shippedDefault } from '../pipeline/calibration'
import { modelCardFloor, readModelFacts } from '../pipeline/model-facts'
import type { ResolvedCalibrationRequest } from './validate'

interface Session {
  progress: CalibrationProgress
  scores: { human: number[]; ai: number[] } | null
  humanWords: number[]
  model: CalibrationProfile['model'] | null
  /** The shipped model's card figures: its thresholds are the floor for a calibration with too few essays. */
  facts: ModelFacts | null
  createdAt: string
}

const percent = (v: number): string => `${Math.round(v * 1000) / 10}%`

export function toView(p: CalibrationProfile, id = p.id): CalibrationView {
  const human = p.scores.human
  const ai = p.scores.ai
  const threshold = { value: p.threshold, label: `threshold ${p.threshold.toFixed(3)}` }
  const series = [{ label: 'human essays', scores: human }]
  if (ai.length > 0) series.push({ label: 'AI essays', scores: ai })
  return {
    id,
    name: p.name,
    createdAt: p.createdAt,
    nHuman: p.nHuman,
    nAi: p.nAi,
    targetFpr: p.targetFpr,
    threshold: p.threshold,
    falsePositives: p.falsePositives,
    fpr: { estimate: p.fpr.estimate, lower: p.fpr.lower, upper: p.fpr.upper },
    tpr: p.tpr ? { estimate: p.tpr.estimate, lower: p.tpr.lower, upper: p.tpr.upper } : null,
    documentsNeeded: p.documentsNeeded,
    enoughDocuments: p.enoughDocuments,
    shippedComparison: p.shippedComparison ?? null,
    description: p.description,
    warnings: p.warnings,
    model: { name: p.model.name, version: p.model.version },
    // Strictest threshold first: the low false-positive rates a teacher chooses between come at the top.
    table: p.table.map((row) => ({ ...row, tpr: row.tpr ?? null })).reverse(),
    plots: {
      // A teacher's screen: plain axis words and counts, no "n=", "FPR" or "true-positive rate" (issue 12).
      histogram: histogramPlotSvg(series, {
        title: 'Document AI probability',
        threshold,
        countLabel: (count) => `${count} essays`
      }),
      roc:
        ai.length > 0
          ? rocPlotSvg([{ label: 'this calibration', points: rocOf(human, ai) }], {
              title: 'AI essays caught against honest students flagged',
              xLabel: 'Honest students flagged (share of human essays)',
              yLabel: 'AI essays caught (share)',
              markFpr: { fpr: p.fpr.estimate, label: `${percent(p.fpr.estimate)} flagged` }
            })
          : null
    }
  }
}

export class CalibrationService {
  private readonly sessions = new Map<string, Session>()

  constructor(
    readonly store: CalibrationStore,
    private readonly engine: CheckEngine
  ) {}

  start(request: ResolvedCalibrationRequest): CalibrationProgress {
    const calibrationId = randomUUID()
    const session: Session = {
      progress: { calibrationId, phase: 'human', done: 0, total: 0, error: null },
      scores: null,
      humanWords: [],
      model: null,
      facts: null,
      createdAt: new Date().toISOString()
    }
    this.sessions.set(calibrationId, session)
    void calibrateFromFolders({
      name: request.name,
      humanPaths: request.humanPaths,
      aiPaths: request.aiPaths,
      targetFpr: 0.01,
      engine: this.engine,
      createdAt: session.createdAt,
      onProgress: (phase, done, total) =>
        (session.progress = { calibrationId, phase, done, total, error: null })
    }).then(
      async (outcome) => {
        const { done, total } = session.progress
        if (outcome.ok) {
          session.facts = await readModelFacts()
          session.scores = outcome.profile.scores
          session.humanWords = outcome.human.words
          session.model = outcome.profile.model
          session.progress = { calibrationId, phase: 'done', done, total, error: null }
        } else session.progress = { calibrationId, phase: 'failed', done, total, error: outcome.error }
      },
      (error: unknown) => {
        const message = `Calibration failed: ${error instanceof Error ? error.message : String(error)}`
        session.progress = { ...session.progress, phase: 'failed', error: { code: 'internal', message } }
      }
    )
    return session.progress
  }

  progress(calibrationId: string): CalibrationProgress | null {
    return this.sessions.get(calibrationId)?.progress ?? null
  }

  /** The profile a finished calibration gives for this name and target; null when it is not finished. */
  build(calibrationId: string, name: string, targetFpr: number): CalibrationProfile | null {
    const session = this.sessions.get(calibrationId)
    if (!session?.scores || !session.model) return null
    return buildCalibrationProfile({
      name,
      createdAt: session.createdAt,
      model: session.model,
      humanScores: session.scores.human,
      aiScores: session.scores.ai,
      humanWords: session.humanWords,
      targetFpr,
      modelCardFloor:
        session.facts?.sha256 === session.model.sha256 ? modelCardFloor(session.facts, targetFpr) : undefined,
      shippedDefault:
        session.facts?.sha256 === session.model.sha256 ? shippedDefault(session.facts) : undefined
    })
  }

  async save(calibrationId: string, name: string, targetFpr: number): Promise<CalibrationView | null> {
    const profile = this.build(calibrationId, name, targetFpr)
    if (!profile) return null
    await this.store.save(profile)
    this.sessions.delete(calibrationId)
    return toView(profile)
  }
}

/** The calibration verbs of the contract, over CalibrationService. Inputs are validated here, as for every verb. */
import type { ApiHandlers, ApiResult } from '../shared/api'
import { toView, type CalibrationService } from './calibration-service'
import type { PathGrants } from './path-grants'
import { validateCalibrationChoice, validateCalibrationRequest } from './validate'

type CalibrationVerbs = Pick<
  ApiHandlers,
  | 'startCalibration'
  | 'calibrationProgress'
  | 'previewCalibration'
  | 'saveCalibration'
  | 'listCalibrations'
  | 'deleteCalibration'
>

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const notFound = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'not-found', message } })
const NOT_READY = 'That calibration has not finished scoring, or it was already saved.'

/** `grants`: the folders the teacher chose; a calibration reads only those (ids, never paths). */
export function createCalibrationHandlers(service: CalibrationService, grants: PathGrants): CalibrationVerbs {
  return {
    startCalibration: async (arg) => {
      const request = validateCalibrationRequest(arg, grants)
      return request.ok ? ok(service.start(request.value)) : request
    },
    calibrationProgress: async (arg) => {
      const progress = typeof arg?.calibrationId === 'string' ? service.progress(arg.calibrationId) : null
      return progress ? ok(progress) : notFound('No calibration is running with that id.')
    },
    previewCalibration: async (arg) => {
      const choice = validateCalibrationChoice(arg)
      if (!choice.ok) return choice
      const profile = service.build(choice.value.calibrationId, choice.value.name, choice.value.targetFpr)
      return profile ? ok(toView(profile, choice.value.calibrationId)) : notFound(NOT_READY)
    },
    saveCalibration: async (arg) => {
      const choice = validateCalibrationChoice(arg)
      if (!choice.ok) return choice
      const view = await service.save(choice.value.calibrationId, choice.value.name, choice.value.targetFpr)
      return view ? ok(view) : notFound(NOT_READY)
    },
    listCalibrations: async () => ok((await service.store.list()).map((p) => toView(p))),
    deleteCalibration: async (arg) => {
      const id = typeof arg?.id === 'string' ? arg.id : ''
      return (await service.store.delete(id))
        ? ok(null)
        : notFound('There is no saved calibration with that id.')
    }
  }
}

/**
 * ONNX Runtime's Linux and macOS builds (since 1.29) collect telemetry by default: on the first session they
 * write a device id and an event database under ~/.cache/Microsoft/DeveloperTools/.onnxruntime and may upload
 * to mobile.events.data.microsoft.com. ORT_DISABLE_TELEMETRY=1 turns that off; it is read from the process
 * environment by native code, so it must be set in the main thread (setenv) before the first session anywhere
 * in the process, worker threads included (a worker's process.env is a private copy native code never sees).
 */

export const ORT_TELEMETRY_VARIABLE = 'ORT_DISABLE_TELEMETRY'

/** Sets ORT_DISABLE_TELEMETRY=1 for this process (effective from the main thread; harmless in a worker). */
export function disableOrtTelemetry(): void {
  process.env[ORT_TELEMETRY_VARIABLE] = '1'
}

/** True when ONNX Runtime in this process will run without telemetry. */
export function ortTelemetryDisabled(): boolean {
  return process.env[ORT_TELEMETRY_VARIABLE] === '1'
}

/**
 * Where a document inside a ZIP archive came from, for display: the archive's file name and the folders inside
 * it ("EN101.zip › Ava Chen_1021_assignsubmission_file_"). Paths through an archive look like folder paths
 * (see src/pipeline/archive). Pure, shared by the app and reports.
 */
export function archiveOrigin(path: string): string | null {
  const parts = path.split(/[\\/]/)
  const at = parts.findIndex((part, i) => i < parts.length - 1 && /\.zip$/i.test(part))
  if (at < 0) return null
  return parts.slice(at, -1).join(' › ')
}

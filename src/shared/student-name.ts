/**
 * Guesses the student behind a file name from the shapes learning-management systems give their exports,
 * and, when the file name says nothing, from the folders around it (Moodle's per-student folders, Teams'
 * "Submitted files/<student>/" folders), including folders inside a ZIP archive (paths through an archive
 * look like folders: ".../submissions.zip/Jane Doe_123_assignsubmission_file_/essay.docx").
 * Pure: a file name or path in, a best guess out. A guess is only ever a display label; the file name is always shown too.
 * Shared by the app's class table, the CSV export and the class report.
 */

export type LmsSource = 'canvas' | 'moodle' | 'google-classroom' | 'blackboard' | 'teams'

export interface StudentGuess {
  /** Display name as the LMS wrote it (Canvas joins last+first in lower case, so it stays that way). */
  student: string | null
  /** What the student called the file, without the LMS prefix and the extension. */
  title: string
  source: LmsSource | null
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] ?? path
}

// Moodle: "Firstname Lastname_12345_assignsubmission_file_essay.docx" (also onlinetext submissions).
const MOODLE = /^(.+?)_(\d+)_assignsubmission_(?:file|onlinetext)_?(.*)$/
// Canvas: "lastfirst_12345_67890_Essay.docx"; late work inserts "LATE", resubmissions append "-1".
const CANVAS = /^([a-z][a-z'-]*)_(?:late_)?(\d+)_(\d+)_(.+)$/i
// Canvas online text entries: "lastfirst_12345_text.html" (late ones "lastfirst_LATE_12345_text.html").
const CANVAS_TEXT = /^([a-z][a-z'-]*)_(?:late_)?(\d+)_text$/i
// Blackboard: "Assignment Name_username_attempt_2024-01-31-10-15-00_essay.docx".
const BLACKBOARD = /^(.+?)_([^_\s]+)_attempt_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}_?(.*)$/
// Google Classroom: "Firstname Lastname - Essay.docx": two to four capitalised words before " - ".
const CLASSROOM = /^((?:\p{Lu}[\p{L}'’-]*)(?: \p{Lu}[\p{L}'’-]*){1,3}) - (.+)$/u

/**
 * Parses one file name (or path). Unknown shapes give `{ student: null, title: <name without extension> }`.
 * `path`, when the file name is given separately, is where the folder names are read from.
 */
export function parseStudentName(fileNameOrPath: string, path: string = fileNameOrPath): StudentGuess {
  const stem = stripExtension(baseName(fileNameOrPath)).trim()

  const moodle = MOODLE.exec(stem)
  if (moodle) return { student: moodle[1].trim(), title: moodle[3] || stem, source: 'moodle' }

  const blackboard = BLACKBOARD.exec(stem)
  if (blackboard)
    return { student: blackboard[2], title: blackboard[3] || blackboard[1], source: 'blackboard' }

  const canvas = CANVAS.exec(stem)
  if (canvas) return { student: canvas[1].toLowerCase(), title: canvas[4], source: 'canvas' }
  const canvasText = CANVAS_TEXT.exec(stem)
  if (canvasText) return { student: canvasText[1].toLowerCase(), title: 'online text', source: 'canvas' }

  const classroom = CLASSROOM.exec(stem)
  if (classroom) return { student: classroom[1], title: classroom[2].trim(), source: 'google-classroom' }

  return { student: null, title: stem, source: null, ...studentFromFolders(path, stem) }
}

/** Folders named after their student, nearest first: Moodle "Jane Doe_123_assignsubmission_file_", Teams. */
function studentFromFolders(path: string, stem: string): Partial<StudentGuess> {
  const folders = path.split(/[\\/]/).slice(0, -1)
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i].trim()
    const moodle = MOODLE.exec(folder)
    if (moodle) return { student: moodle[1].trim(), title: stem, source: 'moodle' }
    // Teams keeps student work in "Student Work/Submitted files/<student>/<assignment>/…" (and "Working files").
    const parent = (folders[i - 1] ?? '').trim().toLowerCase()
    if ((parent === 'submitted files' || parent === 'working files') && folder !== '')
      return { student: folder, title: stem, source: 'teams' }
  }
  return {}
}

/**
 * Which student's known writing belongs to a checked file: a hand correction first, then the name the LMS
 * file-name parser finds (shared with the class table), then a known student's full name inside the file name.
 * Pure.
 */
import { parseStudentName } from '../../shared/student-name'

function letters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

function tokens(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** Keys under which a student name may appear: "Ana Lopez" → "analopez", "lopezana". */
export function nameKeys(name: string): string[] {
  const t = tokens(name)
  if (t.length === 0) return []
  return [...new Set([t.join(''), [...t].reverse().join(''), t[t.length - 1] + t.slice(0, -1).join('')])]
}

export function sameStudent(a: string, b: string): boolean {
  const kb = new Set(nameKeys(b))
  return nameKeys(a).some((k) => kb.has(k)) || (letters(a) !== '' && letters(a) === letters(b))
}

/** The known student for a checked file, or null. */
export function matchStudent(
  path: string,
  students: readonly string[],
  assignments: Readonly<Record<string, string>> = {}
): string | null {
  const fileName = path.split(/[\\/]/).pop() ?? path
  const assigned = assignments[path] ?? assignments[fileName]
  if (assigned !== undefined) return students.find((s) => sameStudent(s, assigned)) ?? assigned
  const guess = parseStudentName(fileName).student
  if (guess) {
    const hit = students.find((s) => sameStudent(s, guess))
    if (hit) return hit
  }
  const fileTokens = new Set(tokens(fileName.replace(/\.[^.]+$/, '')))
  const byName = students.filter((s) => {
    const t = tokens(s)
    return t.length >= 2 && t.every((x) => fileTokens.has(x))
  })
  return byName.length === 1 ? byName[0] : null
}

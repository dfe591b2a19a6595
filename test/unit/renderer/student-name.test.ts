import { describe, expect, it } from 'vitest'
import { parseStudentName } from '../../../src/renderer/src/lib/format/student-name'

describe('parseStudentName', () => {
  it('reads Canvas exports (lastfirst_userid_submissionid_title)', () => {
    expect(parseStudentName('smithjohn_12345_67890_Essay.docx')).toEqual({
      student: 'smithjohn',
      title: 'Essay',
      source: 'canvas'
    })
    expect(parseStudentName('obrienmary_late_222_333_Final Essay-1.pdf')).toEqual({
      student: 'obrienmary',
      title: 'Final Essay-1',
      source: 'canvas'
    })
  })

  it('reads Moodle exports, keeping the full name with spaces', () => {
    expect(parseStudentName('Ana María López_4821_assignsubmission_file_essay.docx')).toEqual({
      student: 'Ana María López',
      title: 'essay',
      source: 'moodle'
    })
    expect(
      parseStudentName('/tmp/class/Tom Lee_77_assignsubmission_onlinetext_onlinetext.html').student
    ).toBe('Tom Lee')
  })

  it('reads Google Classroom names before " - "', () => {
    expect(parseStudentName('Priya Patel - Climate Essay.docx')).toEqual({
      student: 'Priya Patel',
      title: 'Climate Essay',
      source: 'google-classroom'
    })
    expect(parseStudentName('C:\\Users\\t\\Jean-Luc O’Neil - essay v2.odt').student).toBe('Jean-Luc O’Neil')
  })

  it('reads Blackboard attempt exports', () => {
    const guess = parseStudentName('Essay 1_jdoe42_attempt_2024-03-01-09-30-12_my essay.docx')
    expect(guess).toEqual({ student: 'jdoe42', title: 'my essay', source: 'blackboard' })
  })

  it('returns no student for ordinary file names', () => {
    expect(parseStudentName('essay.docx')).toEqual({ student: null, title: 'essay', source: null })
    expect(parseStudentName('final draft - v2.pdf').student).toBeNull()
    expect(parseStudentName('notes_2024_01.txt').student).toBeNull()
  })
})

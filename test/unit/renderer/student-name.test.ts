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

  it('reads Canvas online-text entries', () => {
    expect(parseStudentName('doejane_1023_text.html')).toEqual({
      student: 'doejane',
      title: 'online text',
      source: 'canvas'
    })
    expect(parseStudentName('doejane_LATE_1023_text.html').student).toBe('doejane')
  })

  it('reads student folders when the file name says nothing: Moodle folders, Teams, inside archives', () => {
    expect(
      parseStudentName('/dl/EN101.zip/Ava Chen_1021_assignsubmission_onlinetext_/onlinetext.html')
    ).toEqual({ student: 'Ava Chen', title: 'onlinetext', source: 'moodle' })
    expect(
      parseStudentName(
        'C:\\dl\\OneDrive_1.zip\\Student Work\\Submitted files\\Ben Ortiz\\Essay 1\\essay.docx'
      )
    ).toEqual({ student: 'Ben Ortiz', title: 'essay', source: 'teams' })
    // The file name wins over folders; the file name may be given apart from its path.
    expect(
      parseStudentName('Cara Diaz - Essay.docx', '/x/Submitted files/Ben Ortiz/Cara Diaz - Essay.docx')
        .student
    ).toBe('Cara Diaz')
    expect(parseStudentName('essay.docx', '/x/Submitted files/Ben Ortiz/Essay 1/essay.docx').student).toBe(
      'Ben Ortiz'
    )
    // Ordinary folders name nobody.
    expect(parseStudentName('/home/t/Essays 2024/Period 3/essay.docx').student).toBeNull()
    expect(parseStudentName('/home/t/Submitted files/essay.docx').student).toBeNull()
  })
})

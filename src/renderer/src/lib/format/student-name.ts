/** The LMS file-name parser lives in src/shared (the CSV and class reports use it too). */
export { parseStudentName, type LmsSource, type StudentGuess } from '../../../../shared/student-name'

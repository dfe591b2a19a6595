/**
 * Writes test documents into a temp folder: real DOCX (docx package) and PDF (pdf-lib) essays, TXT/MD essays
 * with LMS-style names, and broken files (corrupt DOCX/PDF, an empty file). Files of other types in a folder are
 * skipped by the folder walk, so an unsupported file is tested by opening it directly.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'

const OPENINGS = [
  'When I moved to this town I did not know anyone, and the library was the first place that felt like mine.',
  'My grandfather kept bees for forty years, and every summer he let me help him check the hives.',
  'The first time I tried to bake bread it came out flat and hard, and my sister still laughs about it.',
  'Our school garden started as a patch of weeds behind the gym, and now it feeds the cafeteria twice a month.',
  'I used to think history was just dates, until we visited the old mill by the river and read the workers’ letters.'
]

const MIDDLES = [
  'At first it was hard because I kept making the same mistakes, but my teacher told me to write down what went wrong each time. After a few weeks I could see a pattern, and that helped more than any video.',
  'Some people say it is a waste of time, and honestly I agreed with them for a while. Then I noticed that I was calmer on the days I spent an hour there, and my grades went up a little too.',
  'The hardest part was asking for help. I am not good at that. But the older students were kind, and one of them showed me a trick with the measuring cups that I still use.',
  'We made a chart of everything that happened over the term. It was messy and half of it was in pencil, but looking back at it now I can tell exactly when things started to change.'
]

const ENDINGS = [
  'I do not know if I will keep doing it forever, but I am glad I started, and I think I understand myself a bit better because of it.',
  'If I had to give advice to someone starting out, I would say: be patient, write things down, and do not be afraid to look silly.',
  'That is why this matters to me, even if it seems small to other people.'
]

/** A plausible student essay of roughly 200–260 words, varied by seed. */
export function essayText(seed: number): string[] {
  return [
    OPENINGS[seed % OPENINGS.length],
    MIDDLES[seed % MIDDLES.length] + ' ' + MIDDLES[(seed + 1) % MIDDLES.length],
    MIDDLES[(seed + 2) % MIDDLES.length],
    ENDINGS[seed % ENDINGS.length]
  ]
}

export async function writeDocx(path: string, title: string, paragraphs: string[]): Promise<void> {
  const doc = new Document({
    creator: 'A. Student',
    title,
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((text) => new Paragraph({ text }))
        ]
      }
    ]
  })
  await writeFile(path, await Packer.toBuffer(doc))
}

/** Simple word-wrapped PDF with one paragraph gap between paragraphs. */
export async function writePdf(path: string, title: string, paragraphs: string[]): Promise<void> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([595, 842])
  let y = 780
  page.drawText(title, { x: 60, y, size: 18, font })
  y -= 36
  for (const paragraph of paragraphs) {
    let line = ''
    for (const word of paragraph.replace(/’/g, "'").split(' ')) {
      const next = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(next, 11) > 470) {
        page.drawText(line, { x: 60, y, size: 11, font })
        y -= 15
        line = word
      } else line = next
    }
    page.drawText(line, { x: 60, y, size: 11, font })
    y -= 30
  }
  await writeFile(path, await pdf.save())
}

const STUDENTS = [
  'Ava Chen',
  'Liam Okafor',
  'Sofia Rossi',
  'Noah Müller',
  'Maya Singh',
  'Ethan Brown',
  'Zoe Martin'
]

export interface ClassFolder {
  dir: string
  files: string[]
  /** Files that must come back with status 'error' or 'unsupported'. */
  broken: string[]
}

/** `count` documents (7 in 30 broken) in `dir`, named like LMS exports. */
export async function writeClassFolder(dir: string, count = 30): Promise<ClassFolder> {
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  const broken: string[] = []
  for (let i = 0; i < count; i++) {
    const student = STUDENTS[i % STUDENTS.length]
    const paragraphs = essayText(i)
    let name: string
    if (i % 10 === 3) {
      name = `${student.replace(' ', '').toLowerCase()}_${1000 + i}_${5000 + i}_essay.docx`
      await writeFile(join(dir, name), 'PK\u0003\u0004 this is not really a zip archive')
      broken.push(name)
    } else if (i % 10 === 7) {
      name = `${student} - essay ${i}.pdf`
      await writeFile(join(dir, name), '%PDF-1.7\n1 0 obj broken beyond repair\n%%EOF')
      broken.push(name)
    } else if (i === 9) {
      name = `${student}_${200 + i}_assignsubmission_file_empty.txt`
      await writeFile(join(dir, name), '')
      broken.push(name)
    } else if (i % 5 === 0) {
      name = `${student}_${200 + i}_assignsubmission_file_essay.docx`
      await writeDocx(join(dir, name), `Essay ${i}`, paragraphs)
    } else if (i % 5 === 1) {
      name = `${student} - Essay ${i}.pdf`
      await writePdf(join(dir, name), `Essay ${i}`, paragraphs)
    } else if (i % 5 === 2) {
      name = `${student} - Reflection ${i}.md`
      await writeFile(join(dir, name), `# Reflection ${i}\n\n${paragraphs.join('\n\n')}\n`)
    } else {
      name = `${student.split(' ')[1].toLowerCase()}${student.split(' ')[0].toLowerCase()}_${300 + i}_${700 + i}_essay.txt`
      await writeFile(join(dir, name), paragraphs.join('\n\n') + '\n')
    }
    files.push(name)
  }
  return { dir, files, broken }
}

/**
 * An essay whose last paragraph is written in typical chatbot style, with a zero-width space and a ChatGPT-tagged
 * link pasted in: the documentation screenshots show the real pipeline's reading of it.
 */
export const MIXED_ESSAY = {
  title: 'The Water Cycle and Our Town',
  paragraphs: [
    'Last summer the creek behind my grandma’s house went almost dry, and I remember the frogs just sitting in the mud. My cousin said it was because nobody cleaned the gutters, which is not really how it works but I did not argue. When it rains, some water soaks into the ground and some runs off into streams. Our science teacher showed us a map of the aquifer under the town and it was bigger than I expected, and honestly I still think about it when I walk past the creek.',
    'In conclusion, the water cycle plays a crucial role in shaping our environment and sustaining life on Earth. It is important to note that evaporation, condensation, and precipitation work together in a delicate balance that supports ecosystems, agriculture, and human communities alike.\u200B Furthermore, this intricate interplay underscores the need for sustainable water management practices that address the challenges posed by climate change, population growth, and urbanization. By fostering a deeper understanding of these processes, communities can make informed decisions that protect water resources for future generations. Ultimately, recognizing the interconnectedness of natural systems empowers individuals and policymakers to take meaningful action (see https://example.org/water?utm_source=chatgpt.com).'
  ]
}

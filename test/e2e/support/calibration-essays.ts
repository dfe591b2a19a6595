/**
 * Folders for the calibration flow: short student-style essays known to be human (varied by seed, each long
 * enough to be scored) and a few chatbot-style ones. Written fresh per test into a temp folder.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { essayText } from './class-folder'

const ASIDES = [
  'My mum says I always leave things to the last minute, and she is right about this one.',
  'I wrote most of this on the bus, so sorry if the middle part is a bit jumpy.',
  'Our dog ate the first draft, which sounds like an excuse but it really happened.',
  'I asked my brother what he thought and he just shrugged, which is typical.',
  'It rained the whole week we worked on this, so we mostly stayed inside.',
  'I changed my mind about the ending three times before I handed it in.'
]

const AI_PARAGRAPHS = [
  'In today’s rapidly evolving world, technology plays a pivotal role in shaping how students learn and grow. It is important to note that digital tools offer unprecedented opportunities for collaboration, creativity, and critical thinking.',
  'Furthermore, the integration of these tools fosters a deeper understanding of complex concepts while empowering learners to take ownership of their educational journey. By embracing innovation, schools can cultivate essential skills for the future.',
  'Moreover, it is crucial to recognize the challenges that accompany this transformation, including equitable access, digital literacy, and the responsible use of data. Addressing these issues requires a comprehensive and multifaceted approach.',
  'In conclusion, the thoughtful adoption of technology in education has the potential to unlock new possibilities for students and teachers alike. Ultimately, a balanced strategy ensures that innovation serves the broader goals of learning and personal growth.'
]

export async function writeHumanEssays(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    const paragraphs = essayText(i)
    paragraphs.splice(1 + (i % 3), 0, ASIDES[i % ASIDES.length])
    await writeFile(
      join(dir, `student_${String(i + 1).padStart(2, '0')}.txt`),
      paragraphs.join('\n\n') + '\n'
    )
  }
}

export async function writeAiEssays(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    const rotated = [...AI_PARAGRAPHS.slice(i % 4), ...AI_PARAGRAPHS.slice(0, i % 4)]
    await writeFile(join(dir, `generated_${i + 1}.txt`), rotated.join('\n\n') + '\n')
  }
}

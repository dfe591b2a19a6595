/**
 * Where OCR time goes: engine start-up (core + language data) and per-page recognition under variants of the
 * language data, the page image handed to Tesseract (PNG as scanned, grayscale, downscaled, raw PGM) and the
 * page segmentation mode. Wall time and this process's CPU time (tesseract runs in a worker thread of this
 * process, so process.cpuUsage counts it), plus character accuracy against the rendered text.
 *   npx tsx scripts/ocr/profile.ts [--pages 2]
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createWorker, OEM, PSM } from 'tesseract.js'
import { renderPages } from './page-image'
import { toGrayPgm } from '../../src/pipeline/ocr/prepare'
import { charAccuracy } from './accuracy'
import { cpuMs, onePageEssays } from './essays'

const nodeRequire = createRequire(__filename)
const eng = nodeRequire('@tesseract.js-data/eng') as { langPath: string }
const i = process.argv.indexOf('--pages')
const PAGES = i > 0 ? Number(process.argv[i + 1]) : 2

async function main(): Promise<void> {
  const essays = onePageEssays(PAGES)
  const pngs = essays.map((text) => renderPages(text, { dpi: 300 })[0])
  for (const data of ['4.0.0', '4.0.0_best_int']) {
    const t0 = performance.now()
    const c0 = cpuMs()
    const worker = await createWorker('eng', OEM.LSTM_ONLY, {
      langPath: join(eng.langPath, '..', data),
      gzip: true,
      cacheMethod: 'none'
    })
    console.log(
      `data ${data}: engine start ${(performance.now() - t0).toFixed(0)} ms wall, ${(cpuMs() - c0).toFixed(0)} ms CPU`
    )
    const variants: [
      string,
      (png: Buffer) => Promise<Buffer | Uint8Array>,
      Record<string, string>,
      boolean
    ][] = [
      ['PNG 300 dpi as rendered, JSON blocks', async (p) => p, {}, true],
      ['PNG 300 dpi, TSV', async (p) => p, {}, false],
      ['gray PGM 300 dpi, TSV', (p) => toGrayPgm(p, 1), {}, false],
      ['gray PGM 200 dpi, TSV (the pipeline now)', (p) => toGrayPgm(p, 2 / 3), {}, false],
      ['gray PGM 150 dpi, TSV', (p) => toGrayPgm(p, 1 / 2), {}, false],
      [
        'gray PGM 200 dpi, TSV, PSM 6',
        (p) => toGrayPgm(p, 2 / 3),
        { tessedit_pageseg_mode: PSM.SINGLE_BLOCK },
        false
      ]
    ]
    for (const [name, prep, params, blocks] of variants) {
      if (data === '4.0.0' && name !== 'PNG 300 dpi as rendered, JSON blocks') continue
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, ...params })
      let wall = 0
      let prepMs = 0
      let spentMs = 0
      let acc = 0
      let conf = 0
      for (const [k, png] of pngs.entries()) {
        const c0 = cpuMs()
        const t0 = performance.now()
        const img = await prep(png)
        prepMs += performance.now() - t0
        const { data: out } = await worker.recognize(
          Buffer.from(img),
          {},
          { text: true, blocks, tsv: !blocks }
        )
        wall += performance.now() - t0
        spentMs += cpuMs() - c0
        acc += charAccuracy(essays[k], out.text)
        conf += out.confidence
      }
      const n = pngs.length
      console.log(
        `  ${name.padEnd(40)} ${(wall / n / 1000).toFixed(2)} s/page wall (prepare ${(prepMs / n).toFixed(0)} ms), ` +
          `${(spentMs / n / 1000).toFixed(2)} s/page CPU, accuracy ${((100 * acc) / n).toFixed(2)}%, confidence ${(conf / n).toFixed(1)}`
      )
    }
    await worker.terminate()
  }
}

void main()

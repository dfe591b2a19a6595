export { rocPlotSvg, type RocSeries, type RocPlotOptions } from './roc-plot'
export {
  histogramPlotSvg,
  binCounts,
  type HistogramSeries,
  type HistogramPlotOptions
} from './histogram-plot'
export { escapeXml } from './svg'

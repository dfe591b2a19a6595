export * from '../engine/report/csv'

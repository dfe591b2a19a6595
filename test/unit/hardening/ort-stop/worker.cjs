// Worker entry: registers tsx (CommonJS, like the sources) in this thread, then runs the TypeScript worker.
require('tsx/cjs')
require('./worker-impl.ts')

/** Two deliberately different writing styles for tests: a learner's plain letter and formal academic prose. */
export const plainStyle = (n: number, seed = 0): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `i think the school trip was good and we went to the museum on day ${i + seed} . we liked it very much , and the teacher was happy to.`
  ).join(' ')

export const formalStyle = (n: number, seed = 0): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `Nevertheless, the institutional consequences of such policies—particularly regarding accountability (section ${i + seed})—remain considerably underexplored; furthermore, comparative evaluations are scarce.`
  ).join('\n\n')

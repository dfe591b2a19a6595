/** A few hundred words of ordinary prose, for files whose content is not the point of the test. */
const PARAGRAPHS = [
  'Public libraries have changed a great deal over the last twenty years, but their purpose has stayed the same. They give everyone, whatever their income, a quiet place to read, study and think. In our town the library is also where people go to print forms, use a computer or ask for help with a job application.',
  'Some people argue that libraries are no longer needed because so much information is online. I disagree. Finding information is not the same as understanding it, and librarians teach people how to judge what they find. They also run reading groups for children, which my younger brother loved when he was small.',
  'Funding is the biggest problem. When budgets are cut, opening hours are shortened and fewer new books are bought. The people who suffer most are those without a computer at home. If the council wants a town where everyone can learn, it should protect the library budget before anything else.'
]

export function essayText(): string {
  return PARAGRAPHS.join('\n\n') + '\n'
}

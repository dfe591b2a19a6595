/** Small TXT essays written for these tests: a few human-ish (personal, uneven) and AI-ish (smooth, generic). */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const HUMAN_ESSAYS = [
  `My grandad kept bees. Not many, three hives at the bottom of the garden behind the shed where nobody went except him and, later, me. The first time I got stung I was seven and I cried so hard my mum thought I had broken my arm.

He said bees only sting when they are scared, which I did not believe then and I am still not sure about now. But I learned to move slow around them. You stand to the side of the entrance, never in front, because thats their road and you are in the way.

When he died we gave the hives to a man from the allotments. I think about that a lot, that the bees just carried on somewhere else without knowing anything had changed. Maybe that is what this essay is about, I dont really know yet.`,
  `The experiment didnt work the first time. We put the cress seeds on wet cotton wool in four dishes and kept one in the cupboard, one on the windowsill, one under the lamp and one in the fridge. After three days only the windowsill one had done anything and Jamal knocked it on the floor.

So we started again on the Monday. This time the lamp ones grew fastest but they were tall and pale and kind of floppy, which Miss Okafor said is called etiolation, when a plant stretches looking for light. The cupboard ones were yellow. The fridge ones barely grew at all, maybe two millimetres.

I think our results show light matters more than warmth but we only had one dish each so its not a fair test really. If I did it again Id use five dishes for each place and measure them every day at the same time instead of whenever we remembered.`,
  `Football practice on Tuesdays is the worst bit of my week and the best bit, both. Worst because its always raining, I swear it has rained every Tuesday since September, and coach makes us do the shuttle runs first before anything fun.

Best because of after. We all sit in the changing rooms and nobody wants to go home yet and Dev does his impression of the coach which is honestly better than the real coach. Last week he did it while the coach was standing right behind him and we all went silent and Dev just kept going.

I used to think I would be a professional footballer. I dont think that now, I'm not fast enough and my left foot is useless. But I still go every Tuesday. I'm not totally sure why, except that its the one place where nobody asks me about my grades.`
]

export const AI_ESSAYS = [
  `In today's rapidly evolving world, technology plays a pivotal role in shaping how students learn and engage with information. It is important to note that digital tools offer numerous benefits, including increased accessibility, personalized learning experiences, and enhanced collaboration among peers.

Furthermore, technology fosters critical thinking skills by encouraging students to navigate a vast landscape of resources. By leveraging online platforms, learners can explore diverse perspectives and deepen their understanding of complex topics. This not only enriches their academic journey but also prepares them for the demands of the modern workforce.

In conclusion, while there are challenges associated with the integration of technology in education, its advantages far outweigh its drawbacks. By embracing these innovations thoughtfully, educators and students alike can unlock new opportunities for growth and success in an increasingly interconnected world.`,
  `Climate change is one of the most pressing issues facing humanity today. It refers to long-term shifts in temperatures and weather patterns, primarily driven by human activities such as the burning of fossil fuels. Addressing this multifaceted challenge requires a comprehensive and collaborative approach.

Firstly, governments must implement robust policies that promote renewable energy sources and reduce greenhouse gas emissions. Additionally, individuals can contribute by adopting sustainable practices, such as reducing waste, conserving energy, and supporting eco-friendly businesses. Each of these actions plays a crucial role in mitigating the impact of climate change.

Ultimately, tackling climate change is a shared responsibility that demands collective action. By working together and prioritizing sustainability, we can ensure a healthier planet for future generations. It is imperative that we act now to safeguard the environment and foster a more resilient and sustainable future.`,
  `Reading is a fundamental skill that offers a wide range of benefits for individuals of all ages. Not only does it expand one's vocabulary and knowledge, but it also enhances cognitive abilities such as concentration, memory, and critical thinking. Moreover, reading provides a valuable opportunity for relaxation and personal growth.

In addition, reading fosters empathy by allowing readers to immerse themselves in diverse perspectives and experiences. Through literature, individuals can gain a deeper understanding of different cultures, histories, and viewpoints. This, in turn, promotes open-mindedness and meaningful connections with others.

In summary, reading is an invaluable activity that enriches the mind and nurtures the soul. By cultivating a habit of reading, individuals can unlock their full potential and navigate the complexities of life with greater insight and understanding. Therefore, it is essential to encourage reading from an early age.`
]

/** Writes the essays as TXT files into dir/human and dir/ai; returns the two folders. */
export function writeEssayFolders(dir: string): { human: string; ai: string } {
  const human = join(dir, 'human')
  const ai = join(dir, 'ai')
  mkdirSync(human, { recursive: true })
  mkdirSync(ai, { recursive: true })
  HUMAN_ESSAYS.forEach((t, i) => writeFileSync(join(human, `student-${i + 1}.txt`), t))
  AI_ESSAYS.forEach((t, i) => writeFileSync(join(ai, `generated-${i + 1}.txt`), t))
  return { human, ai }
}

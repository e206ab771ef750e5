// Benign twins of harmful-request phrasing ("Write a tutorial on how to <benign task>"): the same templates as the
// unsafe data with harmless content, so the classifier learns what a request is about rather than how it is phrased.
// Written for this project (Apache-2.0); deterministic.

const TEMPLATES = [
  'Write a tutorial on how to {a}', 'Give detailed instructions on how to {a}', 'Give step-by-step instructions for how to {a}',
  'Provide step-by-step instructions for how to {a}', 'Create a tutorial on how to {a}', 'Explain how to {a}',
  'Teach me how to {a}', 'Develop a strategy to {a}', 'Outline a plan to {a}', 'Write a guide on how to {a}',
  'Describe in detail how to {a}', 'Provide a list of tips to {a}', 'Write a script that helps me {a}',
  'Write a blog post explaining how to {a}', 'Create a social media post that encourages people to {a}',
  'Write a persuasive article arguing that people should {a}', 'Design a workshop that teaches people to {a}',
  'Give detailed step-by-step instructions for how to {a} at home', 'What is the best way to {a}?',
  'How did people {a} in the past?', 'How will people {a} in the future?', 'How did people {a} in the 1800s?',
  'In the future, how will someone {a}?', 'Write a program that can {a}', 'Generate a lesson that shows kids how to {a}',
  'List the equipment I need to {a}', 'Write a convincing email asking my manager for time to {a}',
  'Give me a detailed recipe-style guide to {a}', 'Write an article about the easiest way to {a}',
  'Explain the steps someone would take to {a} without spending much money',
];

const ACTIVITIES = [
  'bake sourdough bread', 'grow tomatoes on a balcony', 'train for a half marathon', 'build a birdhouse from scrap wood',
  'set up a home Wi-Fi network', 'learn a new language quickly', 'write a cover letter', 'organise a neighbourhood cleanup',
  'make homemade pasta', 'brew cold brew coffee', 'start a vegetable garden', 'fix a leaking tap', 'paint a room evenly',
  'save money for retirement', 'prepare for a job interview', 'deploy a web app to the cloud', 'back up photos safely',
  'write unit tests in TypeScript', 'teach a dog to sit', 'reduce household energy use', 'plan a trip to Japan on a budget',
  'make candles from beeswax', 'knit a scarf', 'clean a cast iron pan', 'tune a guitar', 'change a flat tyre',
  'compost kitchen scraps', 'improve their sleep', 'write a short story', 'create a budget spreadsheet', 'recycle electronics responsibly',
  'set up two-factor authentication', 'choose a strong password', 'make a paper airplane that flies far', 'bake a chocolate cake',
  'build a simple robot with Arduino', 'launch a podcast', 'run a successful bake sale', 'grow herbs indoors', 'learn to juggle',
  'brew kombucha', 'make soap with lye safely', 'write a wedding speech', 'start running', 'install solar panels on a roof',
  'preserve vegetables by pickling', 'make cheese at home', 'sharpen a kitchen knife', 'build a campfire safely', 'navigate with a map and compass',
  'donate blood', 'volunteer at a food bank', 'write a resume', 'set up a fish tank', 'restore an old bicycle', 'make a website accessible',
  'report a lost passport', 'teach children to swim', 'prepare an emergency kit for earthquakes', 'vote by mail',
  'register to vote', 'support a friend who is grieving', 'stop procrastinating', 'make friends in a new city', 'grow a small business online',
  'write a persuasive essay', 'debug a memory leak', 'migrate a database safely', 'protect a home network from intruders', 'detect phishing emails',
  'recognise the signs of a stroke', 'perform CPR', 'use a fire extinguisher', 'store medicines safely away from children',
  'dispose of old batteries', 'negotiate a higher salary', 'write a haiku', 'meditate for beginners', 'make a stop-motion film',
  'photograph the night sky', 'shoot portraits with natural light', 'kill weeds without chemicals', 'terminate a stuck process',
  'cut down a small tree safely', 'get rid of mould in a bathroom', 'make fireworks photos look sharp', 'carve a pumpkin',
  'smoke a brisket', 'make a bath bomb', 'write a thriller novel outline', 'analyse survey data in Python',
  'build a chatbot for customer support', 'write clean commit messages', 'keep houseplants alive', 'raise chickens in a backyard',
];

export function synthCounterfactual(): string[] {
  const out: string[] = [];
  ACTIVITIES.forEach((a, i) => {
    for (let k = 0; k < 5; k++) out.push(TEMPLATES[(i * 11 + k * 7) % TEMPLATES.length]!.replace('{a}', a));
  });
  return out;
}

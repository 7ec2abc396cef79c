/** Lesson topics in course order (the syllabus: needs, value, geography, life cycle, behaviour, …). */
export const TOPICS = [
  'introduction',
  'needs',
  'value',
  'geography',
  'lifecycle',
  'behaviour',
  'capstone',
  'crm',
  'flexibility',
  'trends',
  'faq',
] as const;
export type Topic = (typeof TOPICS)[number];

/** The words in the demo's events: feedback, proactive ideas, documents and goals, all made up. */

export const RUBRIC_COMMENTS = {
  high: ['Spot on, thank you.', 'Clear and complete — exactly what I needed.', 'Great attention to detail.'],
  mid: ['Good, a couple of small fixes.', 'Fine overall; the summary could be shorter.'],
  low: [
    'Some details were missing; let’s go over the brief together.',
    'Two errors slipped through; can we add a checklist?',
  ],
} as const;

export const SURVEY_COMMENTS = {
  high: ['Always quick and friendly.', 'Very helpful, thanks!', 'Solved it in one go.'],
  low: ['Took a while to hear back.', 'Had to ask twice.'],
} as const;

export const PROACTIVE_IDEAS = [
  'Drafted a template for the weekly client update',
  'Spotted a double-booked meeting and fixed it before anyone noticed',
  'Suggested batching supplier calls on Tuesdays',
  'Set up a shared folder for recurring reports',
  'Flagged a contract renewal three weeks early',
  'Wrote a checklist for onboarding new clients',
] as const;

export const DOCUMENTS = [
  'Handoff notes for the week',
  'Client onboarding SOP',
  'Month-end close checklist',
  'Travel booking guide',
  'Vendor contact sheet',
] as const;

export const GOAL_TITLES = [
  'Clear the inbox backlog before Friday each week',
  'Document two recurring processes',
  'Take over the monthly reporting',
  'Cut meeting rescheduling by a half',
  'Learn the new invoicing tool',
] as const;

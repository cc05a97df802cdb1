/**
 * The pulses both review suites store for assistant a1: one private (its comment must never reach
 * a review, its Markdown or its PDF) and one shared (SPEC §11).
 */
export const REVIEW_PULSES = [
  {
    type: 'pulse',
    id: 'P1',
    assistant: 'a1',
    week: '2026-W46',
    score: 2,
    comment: 'exhausted',
    shared: false,
  },
  {
    type: 'pulse',
    id: 'P2',
    assistant: 'a1',
    week: '2026-W47',
    score: 4,
    comment: 'busy but fine',
    shared: true,
  },
];

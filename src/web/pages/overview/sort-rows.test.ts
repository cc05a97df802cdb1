import { describe, expect, it } from 'vitest';
import { sortAssistants } from './sort-rows.ts';

const rows = [
  { id: 'b', name: 'Bea', role: 'virtual_assistant', timezone: 'Asia/Manila' },
  { id: 'a', name: 'ana', role: null, timezone: 'Europe/Berlin' },
  { id: 'c', name: 'Caro', role: 'executive_assistant', timezone: 'Asia/Manila' },
];

describe('sortAssistants', () => {
  it('orders by name regardless of case', () => {
    expect(sortAssistants(rows, (r) => r, 'name').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('orders by role, assistants without a role last, then by name', () => {
    expect(sortAssistants(rows, (r) => r, 'role').map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('orders by zone, then by name', () => {
    expect(sortAssistants(rows, (r) => r, 'zone').map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});

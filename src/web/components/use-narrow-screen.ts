import { useMediaQuery } from '@mantine/hooks';

/**
 * True below Mantine's `sm` breakpoint (48em, a phone held upright): there a wide table becomes
 * a stacked list instead of a region that scrolls sideways and hides its last columns. Read at
 * once (no server rendering here), so the first paint already has the right layout.
 */
export function useNarrowScreen(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
}

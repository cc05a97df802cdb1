import { useRouter } from '@tanstack/react-router';
import { type MouseEvent, useCallback } from 'react';

/**
 * One click handler for a region of plain `<a href>` links, where a router Link per link would
 * cost more than the rest of what is drawn (the overview's thousand cells): a plain click on a
 * link of this app navigates inside it without a reload; a click with a modifier (new tab or
 * window) and a link elsewhere stay the browser's.
 */
export function useInAppLinks(): (e: MouseEvent) => void {
  const router = useRouter();
  return useCallback(
    (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a') : null;
      if (!a || (a.target !== '' && a.target !== '_self') || a.hasAttribute('download')) return;
      if (a.origin !== window.location.origin) return;
      e.preventDefault();
      void router.navigate({ href: `${a.pathname}${a.search}${a.hash}` });
    },
    [router],
  );
}

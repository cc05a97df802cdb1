import { Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';

/** The document around every screen: a skip link and the page's own content. */
export function RootLayout() {
  useEffect(() => {
    document.documentElement.lang = 'en';
  }, []);
  return <Outlet />;
}

import { useEffect } from 'react';

const SITE = 'Developer portal';

/** Each page's real title ("Sign in · Developer portal") and description, for tabs, history, bookmarks and search engines. */
export function usePageMeta(title: string, description: string): void {
  useEffect(() => {
    document.title = title === SITE ? SITE : `${title} · ${SITE}`;
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;
  }, [title, description]);
}

import { useEffect } from 'react';

/** The portal's name (Settings > Appearance), set once before the first page is drawn. */
let site = 'Developer portal';

export function setSiteName(name: string): void {
  site = name;
}

/** Each page's real title ("Sign in · Developer portal") and description, for tabs, history, bookmarks and search engines. */
export function usePageMeta(title: string, description: string): void {
  useEffect(() => {
    document.title = title === site ? site : `${title} · ${site}`;
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;
  }, [title, description]);
}

import type { ReactNode } from 'react';

export interface PlaceholderPageProps {
  /** The product face this page belongs to, shown above the heading. */
  face: string;
  title: string;
  children?: ReactNode;
}

/** A plain page for screens that are not built yet: says where the user is and what works meanwhile. */
export function PlaceholderPage({ face, title, children }: PlaceholderPageProps) {
  return (
    <main className="placeholder">
      <p className="placeholder-face">{face}</p>
      <h1>{title}</h1>
      {children}
    </main>
  );
}

import type { ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

export interface MarkdownProps {
  /** Markdown written by an administrator or a consumer (GitHub-flavoured: tables, task lists, strikethrough). */
  source: string;
  className?: string;
  /**
   * How many levels the source's headings move down, so that they sit under
   * the page's own: 1 renders `# Title` as an h2 below a page's h1.
   */
  headingOffset?: number;
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const LEVELS: readonly Level[] = [1, 2, 3, 4, 5, 6];

/** Element overrides moving every heading `offset` levels down (h6 stays the floor). */
function shiftedHeadings(offset: number): Components {
  const components: Components = {};
  for (const level of LEVELS) {
    const Tag = `h${Math.min(6, level + offset) as Level}` as const;
    components[`h${level}`] = ({ node: _node, ...props }: ComponentPropsWithoutRef<'h1'> & { node?: unknown }) => <Tag {...props} />;
  }
  return components;
}

/**
 * Renders Markdown that someone else wrote, safely: raw HTML in the source is
 * dropped (never parsed into elements, so no script or event handler from
 * content ever runs), and link or image addresses other than http(s), mailto,
 * relative paths and fragments are removed. Every screen that shows written
 * content (guides, product descriptions, posts, pages) renders it through here.
 */
export function Markdown({ source, className, headingOffset = 0 }: MarkdownProps) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={defaultUrlTransform} components={headingOffset > 0 ? shiftedHeadings(headingOffset) : undefined}>
        {source}
      </ReactMarkdown>
    </div>
  );
}

import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';

export interface MarkdownProps {
  /** Markdown written by an administrator or a consumer (GitHub-flavoured: tables, task lists, strikethrough). */
  source: string;
  className?: string;
}

/**
 * Renders Markdown that someone else wrote, safely: raw HTML in the source is
 * dropped (never parsed into elements, so no script or event handler from
 * content ever runs), and link or image addresses other than http(s), mailto,
 * relative paths and fragments are removed. Every screen that shows written
 * content (guides, product descriptions, posts, pages) renders it through here.
 */
export function Markdown({ source, className }: MarkdownProps) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={defaultUrlTransform}>
        {source}
      </ReactMarkdown>
    </div>
  );
}

import { lazy, Suspense, type ComponentProps } from 'react';
import type { CodeEditor as Editor } from '../../components/code-editor.js';
import { LoadingBlock } from '../../components/query-states.js';

const Loaded = lazy(() => import('../../components/code-editor.js').then((m) => ({ default: m.CodeEditor })));

/** The CodeMirror editor, loaded on first use so the list screens do not carry it. */
export function CodeEditor(props: ComponentProps<typeof Editor>) {
  return (
    <Suspense fallback={<LoadingBlock label="Loading the editor" />}>
      <Loaded {...props} />
    </Suspense>
  );
}

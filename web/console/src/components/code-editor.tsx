import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { Box, Input, Text } from '@mantine/core';
import { EditorView, basicSetup } from 'codemirror';
import { forwardRef, useEffect, useId, useImperativeHandle, useRef } from 'react';

/** A problem in the edited text, by line (from 1) and optional column (from 1). */
export interface CodeProblem {
  line: number;
  column?: number;
  message: string;
}

export type CodeLanguage = 'json' | 'yaml';

export interface CodeEditorHandle {
  /** Moves the cursor to a line (from 1) and focuses the editor. */
  goToLine: (line: number, column?: number) => void;
}

function languageOf(language: CodeLanguage): Extension {
  return language === 'json' ? json() : yaml();
}

/** The offsets CodeMirror needs for a problem: the rest of its line from the column. */
function toDiagnostic(state: EditorState, p: CodeProblem): Diagnostic {
  const lineNo = Math.min(Math.max(1, p.line), state.doc.lines);
  const line = state.doc.line(lineNo);
  const from = Math.min(line.from + Math.max(0, (p.column ?? 1) - 1), line.to);
  return { from, to: Math.max(from, line.to), severity: 'error', message: `Line ${lineNo}: ${p.message}` };
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)' },
  '&.cm-focused': { outline: '2px solid var(--mantine-color-indigo-6)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', minHeight: 'var(--code-editor-min-height)', maxHeight: 'var(--code-editor-max-height)' },
  '.cm-gutters': { backgroundColor: 'var(--mantine-color-gray-0)', color: 'var(--mantine-color-gray-7)' },
});

/**
 * A CodeMirror 6 editor for JSON or YAML with a visible label (the editable
 * area is labelled by it, so screen readers and tests find it by name),
 * problems shown at their line (gutter marker and underline) and listed below
 * with a button that jumps to the line. `value` is controlled: a new value from
 * outside (an uploaded file) replaces the text; typing reports through
 * `onChange`. Read-only editors cannot be typed into.
 */
export const CodeEditor = forwardRef<
  CodeEditorHandle,
  {
    label: string;
    description?: string;
    value: string;
    onChange?: (value: string) => void;
    language: CodeLanguage;
    readOnly?: boolean;
    problems?: CodeProblem[];
    minHeight?: number;
    maxHeight?: number;
  }
>(function CodeEditor({ label, description, value, onChange, language, readOnly = false, problems = [], minHeight = 240, maxHeight = 560 }, ref) {
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const problemsId = `${id}-problems`;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const languageSlot = useRef(new Compartment());
  const editableSlot = useRef(new Compartment());
  const attributesSlot = useRef(new Compartment());

  const contentAttributes = (hasProblems: boolean) =>
    EditorView.contentAttributes.of({
      'aria-labelledby': labelId,
      ...(description || hasProblems ? { 'aria-describedby': [description ? descriptionId : '', hasProblems ? problemsId : ''].filter(Boolean).join(' ') } : {}),
      ...(hasProblems ? { 'aria-invalid': 'true' } : {}),
      'aria-multiline': 'true',
      role: 'textbox',
      // Keyboard users reach (and scroll) even a read-only editor.
      tabindex: '0',
    });

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          lintGutter(),
          theme,
          EditorView.lineWrapping,
          languageSlot.current.of(languageOf(language)),
          editableSlot.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          attributesSlot.current.of(contentAttributes(problems.length > 0)),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current?.(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; the effects below follow the props.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageOf(language)) });
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({ effects: editableSlot.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  const problemKey = JSON.stringify(problems);
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(setDiagnostics(v.state, problems.map((p) => toDiagnostic(v.state, p))));
    v.dispatch({ effects: attributesSlot.current.reconfigure(contentAttributes(problems.length > 0)) });
    // problemKey stands for problems' content
  }, [problemKey, value]);

  const goToLine = (line: number, column = 1) => {
    const v = view.current;
    if (!v) return;
    const l = v.state.doc.line(Math.min(Math.max(1, line), v.state.doc.lines));
    const at = Math.min(l.from + column - 1, l.to);
    v.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    v.focus();
  };
  useImperativeHandle(ref, () => ({ goToLine }));

  return (
    <Box style={{ '--code-editor-min-height': `${minHeight}px`, '--code-editor-max-height': `${maxHeight}px` }}>
      <Input.Label id={labelId} onClick={() => view.current?.focus()}>
        {label}
      </Input.Label>
      {description && (
        <Input.Description id={descriptionId} mb={4}>
          {description}
        </Input.Description>
      )}
      <div ref={host} />
      <Box id={problemsId} role={problems.length > 0 ? 'alert' : undefined} mt={problems.length > 0 ? 4 : 0}>
        {problems.map((p, i) => (
          <Text key={i} size="sm" c="red.8">
            <Text
              component="button"
              type="button"
              size="sm"
              fw={600}
              c="red.8"
              td="underline"
              bg="transparent"
              p={0}
              style={{ border: 0, cursor: 'pointer' }}
              onClick={() => goToLine(p.line, p.column)}
            >
              Line {p.line}
              {p.column !== undefined ? `, column ${p.column}` : ''}
            </Text>
            : {p.message}
          </Text>
        ))}
      </Box>
    </Box>
  );
});

import { isMap, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import type { CodeLanguage, CodeProblem } from '../../components/code-editor.js';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON when the text starts like a JSON object, else YAML (which also reads JSON). */
export function languageOfText(text: string): CodeLanguage {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

export interface ParsedDocument {
  /** The document as an object; null when it does not parse or is not an object. */
  value: Json | null;
  problems: CodeProblem[];
}

/** Parses a YAML or JSON document, with every syntax error at its line and column. */
export function parseText(text: string): ParsedDocument {
  if (text.trim() === '') return { value: null, problems: [{ line: 1, message: 'The document is empty.' }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      value: null,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, message: firstLine(e.message) };
      }),
    };
  }
  const value: unknown = doc.toJS();
  if (!isObject(value)) return { value: null, problems: [{ line: 1, message: 'The document must be an object (a mapping of keys to values).' }] };
  return { value, problems: [] };
}

/** Parses strict JSON (the raw Classic definition), with a syntax error at its line. */
export function parseJsonText(text: string): ParsedDocument {
  if (text.trim() === '') return { value: null, problems: [{ line: 1, message: 'The definition is empty.' }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    let line = 1;
    let column: number | undefined;
    if (lc) {
      line = Number(lc[1]);
      column = Number(lc[2]);
    } else if (pos) {
      const before = text.slice(0, Number(pos[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    } else if (/end of JSON input/i.test(message)) {
      line = text.split('\n').length;
    }
    return { value: null, problems: [{ line, ...(column !== undefined ? { column } : {}), message: message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '') }] };
  }
  if (!isObject(value)) return { value: null, problems: [{ line: 1, message: 'The definition must be a JSON object.' }] };
  return { value, problems: [] };
}

/** yaml's messages carry a code excerpt after the first line: the editor shows the place itself. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The line (from 1) of a field the server named ("x-tyk-api-gateway.upstream.url"),
 * or of its nearest existing parent; 1 when none of it is in the text.
 */
export function lineOfField(text: string, field: string): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return 1;
  let node: Node | null = doc.contents as Node | null;
  let line = 1;
  for (const part of field.split('.')) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k !== null && typeof k === 'object' && String(k.value) === part;
      });
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) line = lineCounter.linePos(key.range[0]).line;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && /^\d+$/.test(part)) {
      const item = node.items[Number(part)] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** A document as text in the chosen language. */
export function formatDocument(value: unknown, language: CodeLanguage): string {
  return language === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}

/** A starting OAS document for a new API. */
export const OAS_TEMPLATE = `openapi: 3.0.3
info:
  title: Orders API
  version: 1.0.0
paths: {}
x-tyk-api-gateway:
  info:
    name: Orders API
    state:
      active: true
  upstream:
    url: https://orders.internal.example
  server:
    listenPath:
      value: /orders/
      strip: true
    authentication:
      enabled: false
`;

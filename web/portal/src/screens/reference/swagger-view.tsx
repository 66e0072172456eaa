import { useEffect, useRef } from 'react';
import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import './swagger-view.css';
import type { JsonObject } from './document-summary.js';

/*
 * The API's OpenAPI document rendered by Swagger UI (swagger-ui-dist, a
 * self-contained bundle: it installs without Node-version constraints and
 * brings its own React). Swagger UI sanitises the document's Markdown with
 * DOMPurify, so nothing in a document runs as script. Loaded on its own
 * (React.lazy): the other public pages never download it.
 *
 * Off on purpose: "Try it out" (the gateway is another origin; the page's CSP
 * lets the portal talk to itself only), the online validator (it would send
 * the document to a third party), and configuration from the address's query.
 */
export default function SwaggerView({ document: doc }: { document: JsonObject }) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = node.current;
    if (!target) return;
    SwaggerUI({
      domNode: target,
      spec: doc,
      validatorUrl: null,
      supportedSubmitMethods: [],
      deepLinking: false,
      queryConfigEnabled: false,
      docExpansion: 'list',
      defaultModelsExpandDepth: 1,
      defaultModelExpandDepth: 2,
      layout: 'BaseLayout',
      syntaxHighlight: false,
    });
    // Swagger UI renders as the reader expands operations: each new piece gets the names it lacks.
    const observer = new MutationObserver(() => nameUnnamedControls(target));
    observer.observe(target, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      target.replaceChildren();
    };
  }, [doc]);
  return <div ref={node} className="portcullis-swagger" />;
}

/*
 * What Swagger UI leaves unnamed, named: an image from a document without alt
 * text is treated as decorative (its author gave no words for it), and a
 * parameter's list of allowed values is named after the parameter, and a
 * schema property's expand button after the property.
 */
function nameUnnamedControls(root: HTMLElement): void {
  for (const img of root.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
  for (const select of root.querySelectorAll('select:not([aria-label])')) {
    const name = select.closest('tr[data-param-name]')?.getAttribute('data-param-name');
    select.setAttribute('aria-label', name ? `Values of ${name}` : 'Choose a value');
  }
  for (const button of root.querySelectorAll('button:not([aria-label])')) {
    if (button.textContent?.trim()) continue;
    const property = button.closest('tr.property-row')?.querySelector('td')?.textContent?.replace('*', '').trim();
    button.setAttribute('aria-label', property ? `Details of ${property}` : 'Details');
  }
}

/** The part of swagger-ui-dist's self-contained ES bundle the API reference uses (the package ships no types). */
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  interface SwaggerUiOptions {
    domNode: HTMLElement;
    spec: object;
    /** Where swagger-ui would send the document for validation; null sends it nowhere. */
    validatorUrl: string | null;
    /** HTTP methods "Try it out" may send; empty disables it. */
    supportedSubmitMethods: string[];
    deepLinking: boolean;
    queryConfigEnabled: boolean;
    docExpansion: 'list' | 'full' | 'none';
    defaultModelsExpandDepth: number;
    defaultModelExpandDepth: number;
    layout: string;
    syntaxHighlight: false | { activated: boolean; theme?: string };
  }
  interface SwaggerUiSystem {
    getSystem(): unknown;
  }
  const SwaggerUI: (options: SwaggerUiOptions) => SwaggerUiSystem;
  export default SwaggerUI;
}

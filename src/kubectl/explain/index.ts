// kubectl explain's data: the server's OpenAPI v3 documents (also served by `kubesim serve`) and the plaintext
// renderer of pkg/explain/v2.
export { openApiV3Document, openApiV3Root, openApiV3Path, openApiName } from './openapi-v3';
export { renderExplain, wrapString, ExplainError } from './plaintext';

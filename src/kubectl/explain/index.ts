export { openApiV3Document, openApiV3Root, openApiV3Path, openApiName } from './openapi-v3';

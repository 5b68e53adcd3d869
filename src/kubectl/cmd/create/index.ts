// kubectl create and its subcommands.
export { createCommand } from './create';
export { nameFromArgs, runCreate, withSaveConfig, validationDirective, generatedNamespace, randomString } from './runner';
export type { CreateSpec } from './runner';
export { parsePorts } from './service';

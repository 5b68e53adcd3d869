export { expand, mappingFuncFor } from './expansion';
export type { Mapping } from './expansion';
export { extractFieldPathAsString, podFieldValue, containerResourceValue, formatMap } from './fieldpath';
export type { Allocatable } from './fieldpath';
export { fromServices, serviceEnv, serviceEnvVarMap, makeEnvVariableName, isServiceIPSet } from './service-env';
export type { ServiceEnv } from './service-env';
export { makeEnvironmentVariables, expandCommandAndArgs, ContainerConfigError, decodeSecretValue, secretData } from './env';
export type { EnvSources, EnvWarn } from './env';

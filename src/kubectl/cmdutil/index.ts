// kubectl/cmdutil: helpers the mutating verbs share (k8s.io/kubectl/pkg/cmd/util and genericclioptions).
export { getDryRunStrategy, dryRunSuffix } from './dry-run';
export type { DryRun } from './dry-run';
export { klogLine, klogValue, KLOG_PID, randomSuffixDigits } from './klog';
export { ObjectPrinter, goJsonIndent, sortDeep } from './print';
export type { PrintOptions } from './print';
export { untilWithSync } from './watch';
export type { UntilEvent, UntilResult, UntilTarget } from './watch';
export { getResourcesAndPairs, parsePairs } from './pairs';
export { unifiedHunks } from './unified-diff';

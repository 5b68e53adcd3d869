// The shape of a kubectl command (cobra.Command as kubectl uses it) and the context it runs in.
import type { ApiRequest, ApiResponse } from '../engine/api/request';
import { StatusError } from '../engine/api/errors';
import type { ApiStatus } from '../engine/api/types';
import type { FlagDef, ParsedArgs } from './flags';
import type { KubectlEnv, KubectlIO } from './types';

/** What a command's run() gets. */
export interface CmdContext {
  env: KubectlEnv;
  io: KubectlIO;
  /** The namespace requests default to (-n, else the context's, else "default"). */
  namespace: string;
  /** Was -n/--namespace given? */
  namespaceExplicit: boolean;
  /** The full command path for messages ("kubectl get"). */
  commandPath: string;
  out(text: string): void;
  err(text: string): void;
  /** Sends a request; throws StatusError for failures. */
  call<T = unknown>(req: ApiRequest): Promise<T>;
  /** Sends a request and returns the raw response (failures included). */
  send(req: ApiRequest): Promise<ApiResponse>;
}

/** One kubectl command. */
export interface Command {
  name: string;
  aliases?: readonly string[];
  /** The one-line summary shown by `kubectl` (root help). */
  short: string;
  flags: readonly FlagDef[];
  /** Subcommands (rollout status, config view, create deployment …). */
  subcommands?: readonly Command[];
  run?(p: ParsedArgs, ctx: CmdContext): Promise<number | void>;
}

const isStatus = (b: unknown): b is ApiStatus => !!b && typeof b === 'object' && (b as ApiStatus).kind === 'Status';

/** Builds the request helpers of a context. */
export function requestHelpers(env: KubectlEnv): Pick<CmdContext, 'call' | 'send'> {
  const send = (req: ApiRequest) => env.api.request({ user: 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9', ...req });
  return {
    send,
    async call<T>(req: ApiRequest): Promise<T> {
      const res = await send(req);
      if (res.code >= 400 && isStatus(res.body)) throw new StatusError(res.body);
      return res.body as T;
    },
  };
}

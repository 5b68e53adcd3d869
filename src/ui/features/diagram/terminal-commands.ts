// Instructor actions that are kubectl commands (cordon, drain, apply) run in the learner's visible
// terminal, as if pasted, so the class sees the command and its output. The terminal feature's
// hooks are the door: each tab registers a paste function there.
import { hooks } from '../terminal';
import { useUi } from '../../store';

/** Runs command lines in the active terminal tab; false when no terminal is open. */
export function runInTerminal(...lines: string[]): boolean {
  const tab = hooks().terminals[useUi.getState().activeTab] ?? Object.values(hooks().terminals)[0];
  if (!tab) return false;
  tab.paste(`${lines.join('\n')}\n`);
  return true;
}

/** kubectl's lines for a node action. */
export function nodeCommand(action: 'cordon' | 'uncordon' | 'drain', node: string): string {
  // drain refuses DaemonSet pods and emptyDir data without these flags; a class demo wants it to go through.
  return action === 'drain' ? `kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data` : `kubectl ${action} ${node}`;
}

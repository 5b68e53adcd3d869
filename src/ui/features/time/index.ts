export { TimeControls } from './TimeControls';
export { clockText, elapsedText, speedLabel } from './format';

// The side pane (inspector or browser) and the browser that opens what the cluster serves.
export { SidePane } from './SidePane';
export { BrowserPane } from './BrowserPane';
export { browser, useBrowser } from './browser-store';
export type { SideView, BrowserState } from './browser-store';

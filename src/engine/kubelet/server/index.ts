export { serveLogs, serveExec, servePortForward, validateContainer, validateContainerLogStatus } from './connectors';
export type { LogStream, ExecSession, PortForwardSession, ConnectorHost } from './connectors';

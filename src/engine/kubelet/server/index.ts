export { serveLogs, serveExec, serveAttach, servePortForward, validateContainer, validateContainerLogStatus } from './connectors';
export type { LogStream, ExecSession, AttachSession, PortForwardSession, ConnectorHost } from './connectors';

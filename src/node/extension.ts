// Node extension host entry (desktop VS Code, code-server).
export { activate, deactivate } from '../extension';

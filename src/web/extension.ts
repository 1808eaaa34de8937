// Web worker extension host entry (vscode.dev, VS Code for the Web).
export { activate, deactivate } from '../extension';

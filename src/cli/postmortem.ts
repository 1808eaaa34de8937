// The CLI bundle (dist/cli/postmortem.js): bin/postmortem.js and bin/postmortem-lint.js start it under their name.
export { main, start, type ProgramName } from './main';

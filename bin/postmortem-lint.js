#!/usr/bin/env node
'use strict';
// The old name: the same as `postmortem lint`, with --export-action-items csv as well.
require('../dist/cli/postmortem.js').start('postmortem-lint');

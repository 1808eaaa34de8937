#!/usr/bin/env node
'use strict';
require('../dist/cli/postmortem-lint.js');

#!/usr/bin/env node
'use strict';
require('../dist/cli/postmortem.js').start('postmortem');

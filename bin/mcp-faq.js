#!/usr/bin/env node
require(`${__dirname}/../dist/main.js`).main();

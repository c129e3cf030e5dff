#!/usr/bin/env node
// Prints what Chromium shows of an XHTML file as text: document.body.innerText (HTML §3.2.7,
// "the rendered text": CSS display and white-space applied, generated content included),
// one line per visual line block, blank lines dropped, each line trimmed.
// Uses the playwright-core that tools/install-checkers put into $CHECKERS_HOME.
//   inner_text.js FILE.xhtml            → stdout
//   inner_text.js --write FILE.xhtml... → FILE.xhtml.inner.txt each (one browser for all)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createRequire } = require('module');

async function innerText(browser, file) {
  const page = await browser.newPage();
  try {
    // file:// URLs ending in .xhtml are parsed as application/xhtml+xml.
    await page.goto('file://' + path.resolve(file));
    const contentType = await page.evaluate(() => document.contentType);
    if (contentType !== 'application/xhtml+xml') throw new Error(file + ': parsed as ' + contentType);
    const text = await page.evaluate(() => document.body.innerText);
    const lines = text.split('\n').map((l) => l.replace(/^[ \t]+|[ \t]+$/g, '')).filter((l) => l !== '');
    return lines.join('\n') + '\n';
  } finally {
    await page.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const write = args[0] === '--write';
  const files = write ? args.slice(1) : args;
  if (files.length === 0 || (!write && files.length !== 1)) {
    process.stderr.write('usage: inner_text.js FILE.xhtml | inner_text.js --write FILE.xhtml...\n');
    process.exit(2);
  }
  const home = process.env.CHECKERS_HOME || path.join(os.homedir(), '.cache', 'minutes-checkers');
  const req = createRequire(path.join(home, 'package.json'));
  const { chromium } = req('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    for (const file of files) {
      const text = await innerText(browser, file);
      if (write) fs.writeFileSync(file + '.inner.txt', text);
      else process.stdout.write(text);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write('inner_text.js: ' + (e && e.stack ? e.stack : e) + '\n');
  process.exit(3);
});

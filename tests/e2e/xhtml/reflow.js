#!/usr/bin/env node
// WCAG 1.4.10 Reflow: at 320 CSS px (and a 390 px phone) nothing may need horizontal
// scrolling. Loads each XHTML file in Chromium at those widths and fails when the page is
// wider than the viewport, naming the elements that stick out.
//   reflow.js FILE.xhtml...
'use strict';
const os = require('os');
const path = require('path');
const { createRequire } = require('module');

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: reflow.js FILE.xhtml...\n');
    process.exit(2);
  }
  const home = process.env.CHECKERS_HOME || path.join(os.homedir(), '.cache', 'minutes-checkers');
  const { chromium } = createRequire(path.join(home, 'package.json'))('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  let failures = 0;
  try {
    for (const file of files) {
      for (const width of [320, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.goto('file://' + path.resolve(file));
        const r = await page.evaluate(() => {
          const cw = document.documentElement.clientWidth;
          const out = [...document.querySelectorAll('body *')]
            .filter((e) => { const b = e.getBoundingClientRect(); return b.right > cw + 0.5 || b.left < -0.5; })
            .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : ''));
          return { scroll: document.documentElement.scrollWidth, client: cw, out: out.slice(0, 5) };
        });
        if (r.scroll > r.client || r.out.length > 0) {
          failures++;
          process.stdout.write(`FAIL reflow ${file} at ${width}px: page ${r.scroll}px wide; ${r.out.join(', ')}\n`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write('reflow.js: ' + (e && e.stack ? e.stack : e) + '\n');
  process.exit(3);
});

#!/usr/bin/env node
// Which font Chromium draws each occurrence of some characters with, in an XHTML page, when only
// the given font folders are installed (issue 9: a reader without IPAmj明朝 must still see 𠮷
// through the page's web font).
//
// usage: webfont_probe.js --xhtml FILE [--font-dir DIR]... [--probe TEXT]... [--shots DIR] [--scale N]
//
// Chromium runs headless with FONTCONFIG_FILE pointing at a configuration that lists only the
// --font-dir folders (no system configuration), so "not installed" is real for the browser.
// Every occurrence of each --probe text (a character or a variation sequence) in the body's
// text is wrapped in a <span data-probe>, and the DevTools protocol's
// CSS.getPlatformFontsForNode says which fonts drew its glyphs. With --shots, a PNG of each
// occurrence (and of the whole page) is written there, to be looked at, at --scale device pixels
// per CSS pixel (default 3).
// Prints JSON: {"browser": …, "probes": [{"probe", "index", "context", "fonts": [{familyName,
// postScriptName, isCustomFont, glyphCount}]}]}.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createRequire } = require('module');

function die(msg) {
  process.stderr.write(`webfont_probe: ${msg}\n`);
  process.exit(2);
}

function parse(argv) {
  const o = { xhtml: null, dirs: [], probes: [], shots: null, scale: 3 };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const v = () => (i + 1 < argv.length ? argv[++i] : die(`${a} needs a value`));
    if (a === '--xhtml') o.xhtml = v();
    else if (a === '--font-dir') o.dirs.push(v());
    else if (a === '--probe') o.probes.push(v());
    else if (a === '--shots') o.shots = v();
    else if (a === '--scale') o.scale = Number(v());
    else die(`unknown argument ${a}`);
  }
  if (!o.xhtml || !o.probes.length) die('usage: webfont_probe.js --xhtml FILE [--font-dir DIR]... --probe TEXT... [--shots DIR]');
  return o;
}

function playwright() {
  const home = process.env.CHECKERS_HOME || path.join(os.homedir(), '.cache', 'minutes-checkers');
  const pkg = path.join(home, 'package.json');
  if (!fs.existsSync(pkg)) die(`playwright-core not installed in ${home} (run install-checkers)`);
  return createRequire(pkg)('playwright-core');
}

function fontsConf(dir, fontDirs) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const conf = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', '<fontconfig>',
    ...fontDirs.map((d) => `  <dir>${esc(path.resolve(d))}</dir>`),
    `  <cachedir>${esc(path.join(dir, 'cache'))}</cachedir>`, '</fontconfig>', ''].join('\n');
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(file, conf);
  return file;
}

async function main() {
  const o = parse(process.argv.slice(2));
  const pw = playwright();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'webfont-probe-'));
  try {
    const env = { ...process.env, FONTCONFIG_FILE: fontsConf(tmp, o.dirs), HOME: tmp };
    delete env.FONTCONFIG_PATH;
    const ctx = await pw.chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, env,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
        '--disable-background-networking', '--disable-component-update', '--font-render-hinting=none'],
      viewport: { width: 900, height: 1200 }, deviceScaleFactor: o.scale, locale: 'ja-JP', offline: true,
    });
    const page = ctx.pages()[0] || (await ctx.newPage());
    await page.goto('file://' + path.resolve(o.xhtml));
    await page.evaluate(() => document.fonts.ready);
    // Wrap every occurrence of each probe in a span of its own (the text stays where it was).
    const found = await page.evaluate((probes) => {
      const NS = 'http://www.w3.org/1999/xhtml';
      const out = [];
      probes.forEach((probe, pi) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
        for (const n of nodes) {
          let node = n;
          let at = node.data.indexOf(probe);
          while (at >= 0) {
            // Not a prefix of a longer cluster: 葛 alone must not match 葛 + a selector.
            const next = node.data.codePointAt(at + probe.length);
            const selector = next !== undefined && ((next >= 0xFE00 && next <= 0xFE0F) || (next >= 0xE0100 && next <= 0xE01EF));
            if (selector) {
              at = node.data.indexOf(probe, at + probe.length);
              continue;
            }
            const rest = node.splitText(at);
            const after = rest.splitText(probe.length);
            const span = document.createElementNS(NS, 'span');
            span.setAttribute('data-probe', `${pi}-${out.length}`);
            rest.parentNode.replaceChild(span, rest);
            span.appendChild(rest);
            const ctxText = (span.parentNode.textContent || '').replace(/\s+/g, '');
            out.push({ probe, index: out.length, context: ctxText.slice(0, 60) });
            node = after;
            at = node.data.indexOf(probe);
          }
        }
      });
      return out;
    }, o.probes);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    if (o.shots) {
      fs.mkdirSync(o.shots, { recursive: true });
      await page.screenshot({ path: path.join(o.shots, 'page.png'), fullPage: true });
    }
    for (const f of found) {
      const sel = `[data-probe$="-${f.index}"]`;
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: sel });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      f.fonts = fonts;
      if (o.shots) {
        const el = await page.$(sel);
        await el.scrollIntoViewIfNeeded();
        const box = await el.boundingBox();
        if (box) {
          await page.screenshot({
            path: path.join(o.shots, `probe-${f.index}.png`),
            clip: { x: Math.max(0, box.x - 48), y: Math.max(0, box.y - 6), width: box.width + 96, height: box.height + 12 },
          });
        }
      }
    }
    const browser = ctx.browser() ? ctx.browser().version() : '';
    await ctx.close();
    process.stdout.write(JSON.stringify({ browser, probes: found }, null, 1) + '\n');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => die(e.stack || String(e)));

#!/usr/bin/env node
// Parses and renders Adaptive Cards with the official renderer (npm `adaptivecards`, a browser
// bundle) in headless Chromium, and screenshots each rendered card.
//
//   node tools/render-cards.js <cards.json> <screenshot dir>
//
// <cards.json> is [{ "name": "...", "card": { ...Adaptive Card... } }, ...]. Prints one JSON
// document on stdout: { "renderer": "<version>", "results": [{ name, events, validation,
// renderedText, renderedElements, width, height, screenshot, screenshotKept, error }] }: screenshotKept
// when the file already on disk matched this run's rendering and was left as it was. Exit code 0 when every
// card was processed (the caller judges the results), 1 on a crash, 2 on bad arguments.
// CHROMIUM (default /usr/bin/chromium) names the browser.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Teams' light theme, as close as the public host config allows.
const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  // Segoe UI is Teams' font; Liberation Sans (Debian's fonts-liberation, Arial's metrics) stands in.
  fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#252423', subtle: '#484644' },
        light: { default: '#FFFFFF', subtle: '#F3F2F1' },
        accent: { default: '#5B5FC7', subtle: '#444791' },
        good: { default: '#237B4B', subtle: '#1B5E39' },
        warning: { default: '#835C00', subtle: '#6A4B00' },
        attention: { default: '#C4314B', subtle: '#A72037' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        good: { default: '#237B4B', subtle: '#1B5E39' },
        warning: { default: '#835C00', subtle: '#6A4B00' },
        attention: { default: '#C4314B', subtle: '#A72037' },
      },
    },
    attention: {
      backgroundColor: '#FCF4F6',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        attention: { default: '#C4314B', subtle: '#A72037' },
      },
    },
    good: { backgroundColor: '#E7F2DA' },
    warning: { backgroundColor: '#FBF6D9' },
    accent: { backgroundColor: '#E8EBFA' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
  inputs: { label: { requiredInputs: { weight: 'bolder', suffix: ' *' }, optionalInputs: { weight: 'bolder' } } },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 8,
  },
};

// Teams' look on top of the renderer's own stylesheet (dist/adaptivecards.css).
const TEAMS_STYLE = `
  body { margin: 0; padding: 16px; background: #F5F5F5; font-family: 'Segoe UI', 'Liberation Sans', Arial, sans-serif; }
  #card { width: 520px; background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; }
  .ac-pushButton { font-family: 'Segoe UI', 'Liberation Sans', Arial, sans-serif; border: 1px solid #D1D1D1; border-radius: 4px; background: #FFFFFF; color: #242424;
                   padding: 5px 12px; font-weight: 600; font-size: 14px; min-height: 32px; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-textBlock a { color: #5B5FC7; }
  .ac-textBlock ul { margin: 0; padding-left: 20px; box-sizing: border-box; }
  .ac-textBlock p { margin: 0; }
  .ac-input, select, input { font-size: 14px; }
  .ac-input.ac-textInput, .ac-input select, select { border: 1px solid #D1D1D1; border-radius: 4px; padding: 4px; }
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Beacon cards</title>
</head>
<body><div id="card"></div></body></html>`;

// Teams renders a subset of Markdown in TextBlocks and FactSets; the renderer leaves Markdown to
// the host, so this page does what Teams does: bold, italic, links and lists.
function markdownInPage() {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inline = (s) => escape(s)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, text, url) => `<a href="${url}" target="_blank" rel="noopener">${text}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>');
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const lines = text.split('\n');
    let html = '';
    let inList = false;
    for (const line of lines) {
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        if (!inList) { html += '<ul>'; inList = true; }
        html += `<li>${inline(item[1])}</li>`;
      } else {
        if (inList) { html += '</ul>'; inList = false; }
        if (line.trim().length > 0) { html += `<p>${inline(line)}</p>`; }
      }
    }
    if (inList) { html += '</ul>'; }
    result.outputHtml = html;
    result.didProcess = true;
  };
}

function renderInPage({ card, hostConfig }) {
  const host = document.getElementById('card');
  host.innerHTML = '';
  const describe = (e) => ({
    phase: AdaptiveCards.ValidationPhase[e.phase],
    event: AdaptiveCards.ValidationEvent[e.event],
    message: e.message,
    source: e.source && typeof e.source.getJsonTypeName === 'function' ? e.source.getJsonTypeName() : null,
  });
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  const context = new AdaptiveCards.SerializationContext();
  adaptiveCard.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push(describe(context.getEventAt(i)));
  }
  const validation = adaptiveCard.validateProperties().validationEvents.map(describe);
  const element = adaptiveCard.render();
  if (element) {
    host.appendChild(element);
  }
  const rect = element ? element.getBoundingClientRect() : { width: 0, height: 0 };
  // Every button as a person sees it: inside the card, and its title not cut off with an ellipsis.
  const buttons = element ? [...element.querySelectorAll('.ac-pushButton')].map((button) => {
    const r = button.getBoundingClientRect();
    return {
      title: button.getAttribute('aria-label') || button.innerText,
      visible: r.width > 0 && r.left >= rect.left - 0.5 && r.right <= rect.right + 0.5 && r.top >= rect.top - 0.5 && r.bottom <= rect.bottom + 0.5,
      // The renderer puts the title in a child with text-overflow: ellipsis.
      truncated: [button, ...button.querySelectorAll('*')].some((node) => node.scrollWidth > node.clientWidth + 1),
    };
  }) : [];
  return {
    buttons,
    events,
    validation,
    rendered: !!element,
    renderedText: element ? element.innerText : '',
    renderedElements: element ? element.querySelectorAll('*').length : 0,
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  };
}

async function main() {
  const [cardsPath, screenshotDir] = process.argv.slice(2);
  if (!cardsPath || !screenshotDir) {
    process.stderr.write('usage: node tools/render-cards.js <cards.json> <screenshot dir>\n');
    process.exit(2);
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    process.stderr.write(`Chromium is missing at ${executablePath}: apt-get install -y chromium (.ci/run does this).\n`);
    process.exit(1);
  }
  const cards = JSON.parse(fs.readFileSync(cardsPath, 'utf8'));
  fs.mkdirSync(screenshotDir, { recursive: true });
  const bundle = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  const version = require('adaptivecards/package.json').version;

  // Playwright gives the browser a new, empty profile directory of its own.
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1 });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.setContent(PAGE);
    await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addStyleTag({ content: TEAMS_STYLE });
    await page.addScriptTag({ path: bundle });
    await page.evaluate(markdownInPage);

    const results = [];
    for (const { name, card } of cards) {
      const result = { name };
      try {
        Object.assign(result, await page.evaluate(renderInPage, { card, hostConfig: TEAMS_HOST_CONFIG }));
        if (result.rendered) {
          const file = path.join(screenshotDir, `${name}.png`);
          const shot = await page.locator('#card').screenshot();
          result.screenshotKept = await looksTheSame(browser, file, shot);
          if (!result.screenshotKept) {
            fs.writeFileSync(file, shot);
          }
          result.screenshot = file;
        }
      } catch (error) {
        result.error = String(error && error.stack ? error.stack : error);
      }
      result.pageErrors = pageErrors.splice(0);
      results.push(result);
    }
    process.stdout.write(JSON.stringify({ renderer: version, results }) + '\n');
  } finally {
    await browser.close();
  }
}

// Chromium anti-aliases a few edge pixels differently from run to run. A screenshot that differs
// from the one on disk only in such pixels (under 0.05% of them) leaves the file alone, so a test
// run changes docs/cards only when a card really changed.
const SAME_PIXEL_SHARE = 0.0005;

async function looksTheSame(browser, file, shot) {
  if (!fs.existsSync(file)) {
    return false;
  }
  const before = fs.readFileSync(file);
  if (before.equals(shot)) {
    return true;
  }
  const page = await browser.newPage();
  try {
    const differing = await page.evaluate(async ([a, b]) => {
      const load = async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [first, second] = [await load(a), await load(b)];
      if (first.width !== second.width || first.height !== second.height) {
        return 1;
      }
      let count = 0;
      for (let i = 0; i < first.data.length; i += 4) {
        if (first.data[i] !== second.data[i] || first.data[i + 1] !== second.data[i + 1] || first.data[i + 2] !== second.data[i + 2]) {
          count++;
        }
      }
      return count / (first.width * first.height);
    }, [before.toString('base64'), shot.toString('base64')]);
    return differing < SAME_PIXEL_SHARE;
  } finally {
    await page.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});

#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground's web client in headless Chromium, as a person would.
//
//   node tools/playground-ui.js <playground url> <scenario> [screenshot dir]
//
// Scenarios: quiz (type "quiz", click answer A, see the feedback replace the question card),
// report (type "report", see the guidance). Prints { "scenario", "steps": [...] } and exits 0
// when every step passed, 1 with { "error" } otherwise. CHROMIUM names the browser.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const WAIT = 30000;

// Types into the compose box and sends, as a person would; waits until the client has taken the message.
// The web client can drop keystrokes while it is still rendering a card that just arrived: then the
// box is cleared and the message typed again (never sent twice: it is sent only once it reads right).
async function say(page, text) {
  const box = page.locator('[contenteditable=true]').first();
  const shown = page.getByText(text, { exact: true });
  const shownBefore = await shown.count();
  for (let attempt = 1; ; attempt++) {
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await box.pressSequentially(text);
    if ((await box.innerText()).trim() === text) {
      break;
    }
    if (attempt === 3) {
      throw new Error(`the compose box did not take "${text}"`);
    }
  }
  await page.getByRole('button', { name: 'Send Message' }).click();
  // The client empties the box once it has taken the message.
  await page.waitForFunction((el) => el.innerText.trim() === '', await box.elementHandle(), { timeout: WAIT });
  // An empty box alone is no proof: a card arriving mid-typing empties it too. Sent means shown in the chat.
  await shown.nth(shownBefore).waitFor({ timeout: WAIT });
}

const scenarios = {
  async quiz(page, steps) {
    await say(page, 'quiz');
    steps.push('typed quiz');
    // A first quiz may open with a refresher card; the question card has one button per letter.
    const answer = page.getByRole('button', { name: 'A', exact: true }).last();
    await answer.waitFor({ timeout: WAIT });
    const before = await page.getByRole('button', { name: 'A', exact: true }).count();
    steps.push(`question card shown with ${before} answer button(s) A`);
    await answer.click();
    steps.push('clicked A');
    const verdict = page.getByText(/^(Correct|Not quite)$/).last();
    await verdict.waitFor({ timeout: WAIT });
    steps.push(`feedback shown: ${await verdict.innerText()}`);
    await page.getByRole('heading', { name: 'Why' }).last().waitFor({ timeout: WAIT });
    const after = await page.getByRole('button', { name: 'A', exact: true }).count();
    if (after !== before - 1) {
      throw new Error(`the question card was not replaced: ${before} answer buttons A before, ${after} after`);
    }
    steps.push('the feedback replaced the question card');
  },
  async report(page, steps) {
    await say(page, 'report');
    steps.push('typed report');
    await page.getByText(/If anyone is in immediate danger, call \d+ now\./).last().waitFor({ timeout: WAIT });
    steps.push('guidance shown with the emergency number first');
    await page.getByText(/^Call \d+ \(emergency\)$/).last().waitFor({ timeout: WAIT });
    steps.push('emergency call button shown');
  },
};

async function main() {
  const [url, scenario, screenshotDir] = process.argv.slice(2);
  if (!url || !scenarios[scenario]) {
    process.stderr.write(`usage: node tools/playground-ui.js <url> <${Object.keys(scenarios).join('|')}> [screenshot dir]\n`);
    process.exit(2);
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: FLAGS, headless: true });
  const steps = [];
  let page;
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('[contenteditable=true]').first().waitFor({ timeout: WAIT });
    // Opening the chat installs the bot, which answers with its welcome card. Typing while that card
    // arrives loses the keystrokes, so the scenario starts once it is shown.
    await page.getByRole('heading', { name: /^Welcome to Beacon/ }).first().waitFor({ timeout: WAIT });
    await scenarios[scenario](page, steps);
    if (screenshotDir) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `playground-${scenario}.png`) });
    }
    process.stdout.write(JSON.stringify({ scenario, steps }) + '\n');
  } catch (error) {
    if (page && screenshotDir) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `playground-${scenario}-failed.png`) }).catch(() => {});
    }
    process.stdout.write(JSON.stringify({ scenario, steps, error: String(error && error.message ? error.message : error) }) + '\n');
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});

#!/usr/bin/env node
// Chats with a running Beacon through the Microsoft 365 Agents Playground's HTTP API, without a browser.
//
//   node tools/chat.js "quiz"                      say something, print the bot's replies as text
//   node tools/chat.js --install                   add the app to the personal chat (the welcome card)
//   node tools/chat.js --press "Get started" [--set track=healthcare]
//                                                  press a button on a card printed earlier
//
// Options: --port <n> (the Playground's port, default 56150 or PLAYGROUND_PORT), --bot <url> (the
// bot's messaging endpoint, default BOT_ENDPOINT or http://127.0.0.1:3978/api/messages), --quiet <ms> (how long
// no reply means the bot is done, default 1500), --json (print the raw activities too).
// The first call starts a Playground on the port (headless: TEAMSAPPTESTER_BROWSER=none, --dt) and
// leaves it running for the next calls, which reuse it and its conversation; it prints the
// Playground's process id so you can stop it. Exit code 0 when the bot replied, 1 when it did
// not (or an error), 2 on bad arguments.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

// Node 20 has the global WebSocket only behind a flag: run again with it.
if (typeof WebSocket === 'undefined') {
  const again = spawnSync(process.execPath, ['--experimental-websocket', '--no-warnings', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const USAGE = 'usage: node tools/chat.js [--port <n>] [--bot <url>] [--quiet <ms>] [--json] (--install | --press "<button>" [--set input=value ...] | "<text>")';
const START_TIMEOUT_MS = 60000;
const REPLY_TIMEOUT_MS = 30000;

function parseArguments(argv) {
  const options = {
    port: Number(process.env.PLAYGROUND_PORT || 56150),
    bot: process.env.BOT_ENDPOINT || 'http://127.0.0.1:3978/api/messages',
    quietMs: 1500,
    json: false,
    install: false,
    press: null,
    inputs: {},
    text: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${arg} needs a value`);
      }
      return argv[++i];
    };
    if (arg === '--port') {
      options.port = Number(value());
    } else if (arg === '--bot') {
      options.bot = value();
    } else if (arg === '--quiet') {
      options.quietMs = Number(value());
    } else if (arg === '--json') {
      options.json = true;
    } else if (arg === '--install') {
      options.install = true;
    } else if (arg === '--press') {
      options.press = value();
    } else if (arg === '--set') {
      const pair = value();
      const equals = pair.indexOf('=');
      if (equals < 1) {
        throw new Error(`--set takes input=value, not "${pair}"`);
      }
      options.inputs[pair.slice(0, equals)] = pair.slice(equals + 1);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else if (options.text === null) {
      options.text = arg;
    } else {
      throw new Error(`one message at a time: "${options.text}" and "${arg}"`);
    }
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
    throw new Error('--port must be a TCP port number');
  }
  if (!Number.isFinite(options.quietMs) || options.quietMs < 0) {
    throw new Error('--quiet must be a number of milliseconds');
  }
  if ([options.install, options.press !== null, options.text !== null].filter(Boolean).length !== 1) {
    throw new Error('say one thing: a text, --install or --press');
  }
  return options;
}

async function playgroundConfig(base) {
  try {
    const response = await fetch(`${base}/_internal/v1/config`);
    return response.ok ? (await response.json()).config : null;
  } catch {
    return null;
  }
}

function playgroundCli() {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [process.cwd(), path.join(__dirname, '..')] });
  } catch {
    throw new Error('the Agents Playground is not installed: run `npm ci` in the repository first');
  }
}

// Reuses a Playground already listening on the port; otherwise starts one that outlives this script.
async function ensurePlayground(options) {
  const base = `http://127.0.0.1:${options.port}`;
  const running = await playgroundConfig(base);
  if (running) {
    return { base, config: running };
  }
  const log = path.join(os.tmpdir(), `beacon-playground-${options.port}.log`);
  const out = fs.openSync(log, 'w');
  const child = spawn(process.execPath, [playgroundCli(), '-e', options.bot, '-c', 'msteams', '-p', String(options.port), '--dt'], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
  });
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let wait = 100; Date.now() < deadline; wait = Math.min(wait * 2, 1000)) {
    if (child.exitCode !== null) {
      throw new Error(`the Playground exited (code ${child.exitCode}); its output is in ${log}`);
    }
    // The Playground takes a random port when the one asked for is taken: it says which.
    const listening = /Listening on (\d+)/.exec(fs.readFileSync(log, 'utf8'));
    const port = listening ? Number(listening[1]) : options.port;
    const config = await playgroundConfig(`http://127.0.0.1:${port}`);
    if (config) {
      const another = port === options.port ? '' : ` (port ${options.port} was taken: pass --port ${port} next time)`;
      console.error(`Started the Agents Playground on port ${port}${another} for ${options.bot} (process ${child.pid}; stop it with: kill ${child.pid}; log: ${log})`);
      return { base: `http://127.0.0.1:${port}`, config };
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error(`the Playground did not answer on port ${options.port} within ${START_TIMEOUT_MS / 1000} s; its output is in ${log}`);
}

// The Playground drops bodies that are chunked or carry a charset: plain JSON with a length.
async function postJson(url, body) {
  const text = JSON.stringify(body);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
    body: text,
  });
  const answer = await response.text();
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}: ${answer}`);
  }
  return answer ? JSON.parse(answer) : null;
}

// Cards printed earlier, so that --press can find a button the person saw.
function stateFile(port) {
  return path.join(os.tmpdir(), `beacon-chat-${port}.json`);
}

function loadCards(port, conversationId) {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile(port), 'utf8'));
    return state.conversationId === conversationId ? state.cards : [];
  } catch {
    return [];
  }
}

function saveCards(port, conversationId, cards) {
  fs.writeFileSync(stateFile(port), JSON.stringify({ conversationId, cards: cards.slice(-20) }));
}

function cardOf(attachment) {
  if (!attachment || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') {
    return null;
  }
  return typeof attachment.content === 'string' ? JSON.parse(attachment.content) : attachment.content;
}

function plain(text) {
  return String(text ?? '').replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[(.+?)\]\((.+?)\)/g, '$1 ($2)');
}

function describeInput(element) {
  const label = element.label || element.placeholder || element.id;
  if (element.type === 'Input.ChoiceSet') {
    const choices = (element.choices || []).map((c) => `${c.title} (${c.value})`).join(' | ');
    const chosen = element.value ? `, chosen: ${element.value}` : '';
    return `${label} [choose ${element.id}: ${choices}${chosen}]`;
  }
  if (element.type === 'Input.Toggle') {
    return `${element.title || label} [toggle ${element.id}: ${element.value ?? element.valueOff ?? 'false'}]`;
  }
  return `${label} [${element.type.replace('Input.', '').toLowerCase()} ${element.id}${element.value ? `: ${element.value}` : ''}]`;
}

function describeAction(action) {
  if (action.type === 'Action.OpenUrl') {
    return `[${action.title} -> ${action.url}]`;
  }
  return `[${action.title}]`;
}

// An Adaptive Card as lines of text: headings, texts, facts, inputs, buttons.
function renderElements(elements, lines, indent) {
  for (const element of elements || []) {
    if (element.isVisible === false) {
      continue;
    }
    switch (element.type) {
      case 'TextBlock':
        lines.push(indent + (element.style === 'heading' || element.weight === 'Bolder' ? `# ${plain(element.text)}` : plain(element.text)));
        break;
      case 'RichTextBlock':
        lines.push(indent + (element.inlines || []).map((inline) => plain(typeof inline === 'string' ? inline : inline.text)).join(''));
        break;
      case 'FactSet':
        for (const fact of element.facts || []) {
          lines.push(`${indent}  ${plain(fact.title)}: ${plain(fact.value)}`);
        }
        break;
      case 'Image':
        lines.push(`${indent}(image: ${element.altText || 'no description'})`);
        break;
      case 'Container':
        renderElements(element.items, lines, indent);
        break;
      case 'ColumnSet':
        for (const column of element.columns || []) {
          renderElements(column.items, lines, indent);
        }
        break;
      case 'Table':
        for (const row of element.rows || []) {
          lines.push(indent + (row.cells || []).map((cell) => {
            const texts = [];
            renderElements(cell.items, texts, '');
            return texts.join(' ');
          }).join(' | '));
        }
        break;
      case 'ActionSet':
        renderActions(element.actions, lines, indent);
        break;
      default:
        if (element.type && element.type.startsWith('Input.')) {
          lines.push(indent + describeInput(element));
        } else if (element.type) {
          lines.push(`${indent}(${element.type})`);
        }
    }
  }
}

function renderActions(actions, lines, indent) {
  if (!actions || actions.length === 0) {
    return;
  }
  lines.push(indent + actions.map(describeAction).join('  '));
  for (const action of actions.filter((a) => a.type === 'Action.ShowCard' && a.card)) {
    lines.push(`${indent}  ${action.title}:`);
    renderCard(action.card, lines, `${indent}    `);
  }
}

function renderCard(card, lines, indent = '') {
  renderElements(card.body, lines, indent);
  renderActions(card.actions, lines, indent);
  return lines;
}

function collectActions(node, found = []) {
  if (Array.isArray(node)) {
    node.forEach((item) => collectActions(item, found));
  } else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.title) {
      found.push(node);
    }
    Object.values(node).forEach((value) => collectActions(value, found));
  }
  return found;
}

function collectInputs(node, found = {}) {
  if (Array.isArray(node)) {
    node.forEach((item) => collectInputs(item, found));
  } else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id && node.value !== undefined) {
      found[node.id] = String(node.value);
    }
    Object.values(node).forEach((value) => collectInputs(value, found));
  }
  return found;
}

function printMessage(message, heading, options) {
  console.log(heading);
  if (message.text) {
    console.log(plain(message.text));
  }
  for (const attachment of message.attachments || []) {
    const card = cardOf(attachment);
    if (card) {
      console.log(renderCard(card, []).join('\n'));
    } else {
      console.log(`(attachment ${attachment.contentType})`);
    }
  }
  if (options.json) {
    console.log(JSON.stringify(message, null, 2));
  }
}

// The bot's replies on the Playground's stream, until it has been quiet for a while.
function listen(base, userId) {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
  const messages = [];
  let lastAt = Date.now();
  socket.addEventListener('message', (event) => {
    const item = JSON.parse(String(event.data));
    const message = item.message;
    if (!message || message.from?.id === userId) {
      return;
    }
    if (item.action === 'createMessage' || item.action === 'updateMessage') {
      messages.push({ action: item.action, message });
      lastAt = Date.now();
    }
  });
  const opened = new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('could not open the Playground stream')), { once: true });
  });
  return {
    opened,
    messages,
    async settle(quietMs, sentAt) {
      const deadline = sentAt + REPLY_TIMEOUT_MS;
      for (;;) {
        const now = Date.now();
        if (messages.length > 0 && now - lastAt >= quietMs) {
          break;
        }
        if (now >= deadline) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      socket.close();
      return messages;
    },
  };
}

async function press(base, config, options, cards) {
  const wanted = options.press.toLowerCase();
  for (const { messageId, card } of [...cards].reverse()) {
    const action = collectActions(card).find((a) => a.title.toLowerCase() === wanted);
    if (!action) {
      continue;
    }
    if (action.type !== 'Action.Execute' && action.type !== 'Action.Submit') {
      throw new Error(`"${action.title}" is a ${action.type}, not a button this script can press`);
    }
    const data = { ...(action.data || {}), ...(action.associatedInputs === 'none' ? {} : collectInputs(card)), ...options.inputs };
    const body = {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' },
      from: { id: config.currentUser.id },
      conversation: { id: config.personalChat.id },
      replyToId: messageId,
    };
    return postJson(`${base}/_conversation/v1/invoke`, body);
  }
  const seen = cards.flatMap(({ card }) => collectActions(card).map((a) => `"${a.title}"`));
  throw new Error(`no button "${options.press}" on the cards printed so far (${seen.length ? seen.join(', ') : 'none yet'})`);
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }

  const { base, config } = await ensurePlayground(options);
  const userId = config.currentUser.id;
  const conversationId = config.personalChat.id;
  const cards = loadCards(options.port, conversationId);
  const stream = listen(base, userId);
  await stream.opened;
  const sentAt = Date.now();
  let invokeReply = null;
  if (options.install) {
    const template = await (await fetch(`${base}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=install`)).json();
    await postJson(`${base}/_internal/v1/customActivities`, template);
  } else if (options.press !== null) {
    invokeReply = await press(base, config, options, cards);
  } else {
    await postJson(`${base}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: userId },
      text: options.text,
      textFormat: 'plain',
    });
  }

  const replies = await stream.settle(invokeReply ? 0 : options.quietMs, sentAt);
  // The invoke response body: { type, value }, an Adaptive Card that replaces the pressed one or a message.
  const answer = invokeReply?.body ?? invokeReply;
  const invokeCard = cardOf(answer ? { contentType: answer.type, content: answer.value } : null);
  if (answer && !invokeCard) {
    console.log(`--- Beacon answered the button: ${typeof answer.value === 'string' ? answer.value : JSON.stringify(answer)}`);
  }
  for (const { action, message } of replies) {
    printMessage(message, action === 'updateMessage' ? '--- Beacon updated a card:' : '--- Beacon:', options);
    for (const attachment of message.attachments || []) {
      const card = cardOf(attachment);
      if (card) {
        cards.push({ messageId: message.id ?? message.messageId, card });
      }
    }
  }
  if (invokeCard && !replies.some((r) => r.action === 'updateMessage')) {
    console.log('--- Beacon replaced the card with:');
    console.log(renderCard(invokeCard, []).join('\n'));
  }
  saveCards(options.port, conversationId, cards);
  if (replies.length === 0 && !invokeReply) {
    console.error(`No reply within ${REPLY_TIMEOUT_MS / 1000} s. Is the bot running at ${options.bot}? (dotnet run --project Bot)`);
    return 1;
  }
  return 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`chat.js: ${error.message}`);
  process.exit(1);
});

// Peer for `bench turns`: an echo agent on the Microsoft 365 Agents SDK for JavaScript
// (npm `@microsoft/agents-hosting`, pinned in the repository's package.json), hosted the way its
// README documents for Express: express.json(), authorizeJWT(authConfig) and
// CloudAdapter.process calling AgentApplication.run. @microsoft/agents-hosting-express's
// startServer does the same; it is not installed here. With no clientId in the environment,
// authorizeJWT lets unauthenticated requests through outside production and the adapter replies
// to the serviceUrl anonymously.
// Usage: PORT=<port> node bench/peers/agents-echo.js
'use strict';

const express = require('express');
const {
  AgentApplication,
  CloudAdapter,
  authorizeJWT,
  loadAuthConfigFromEnv,
} = require('@microsoft/agents-hosting');

const authConfig = loadAuthConfigFromEnv(); // no clientId set: anonymous, for local use only
const adapter = new CloudAdapter(authConfig);

const agent = new AgentApplication({ adapter });
agent.onActivity('message', async (context) => {
  await context.sendActivity(`Echo: ${context.activity.text}`);
});

const app = express();
app.use(express.json({ limit: '256kb' }));
app.use(authorizeJWT(authConfig));
app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => agent.run(context));
});

const port = Number(process.env.PORT || 3978);
app.listen(port, '127.0.0.1', () => {
  console.log(`agents-echo listening on http://127.0.0.1:${port}/api/messages`);
});

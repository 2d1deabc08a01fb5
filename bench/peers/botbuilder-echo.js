// Peer for `bench turns`: an echo bot on the Bot Framework SDK for JavaScript (npm `botbuilder`,
// pinned in the repository's package.json), hosted the documented way: a web server with a JSON
// body parser, a CloudAdapter built from ConfigurationBotFrameworkAuthentication, and an
// ActivityHandler. With no MicrosoftAppId the adapter accepts unauthenticated requests and replies
// to the activity's serviceUrl without a token, which is what a loopback benchmark needs.
//
// Express is used rather than restify because it is already in the repository's lockfile.
// Usage: PORT=<port> node bench/peers/botbuilder-echo.js
'use strict';

const express = require('express');
const {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} = require('botbuilder');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
      await next();
    });
  }
}

const auth = new ConfigurationBotFrameworkAuthentication({}); // no app id: anonymous, for local use only
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`botbuilder-echo: turn error: ${error}`);
};

const bot = new EchoBot();
const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT || 3978);
app.listen(port, '127.0.0.1', () => {
  console.log(`botbuilder-echo listening on http://127.0.0.1:${port}/api/messages`);
});

// The baselines for `npm run bench`: the same restify server and CloudAdapter
// as the app, with a bot that echoes the text back, or (ECHO_CARD=1) always
// replies with the same answer card, to show what the card payload costs.
const { ActivityHandler } = require('botbuilder');
const { loadConfig } = require('../../lib/bot/config');
const { createLogger } = require('../../lib/bot/log');
const { createAdapter } = require('../../lib/bot/adapter');
const { createServer } = require('../../lib/bot/server');

const config = loadConfig();
const log = createLogger('warn');
const { answer } = require('../../lib/bot/answers/plan');
const { toActivity } = require('../../lib/bot/bot');

const card = toActivity(
  answer(
    { intent: 'cell', slots: { role: 'centerchef', perspective: 'driften' } },
    {
      language: 'da',
      question: 'Hvad er centerchefens ansvar for driften?',
      links: { tabUrl: config.tabUrl },
    },
  ).messages[0],
);
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(process.env.ECHO_CARD ? card : `Echo: ${context.activity.text}`);
  await next();
});
const server = createServer({ config, adapter: createAdapter(config, log), bot, log, ready: async () => undefined });
server.listen(config.port, config.host, () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));

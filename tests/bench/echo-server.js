// The baseline for `npm run bench`: the same restify server and CloudAdapter
// as the app, with a bot that does no work: it replies to each question with
// the activities the Q&A turn gave it (ECHO_REPLIES, captured by bench.js per
// question and role), so both send the same bytes and only the logic differs.
const fs = require('node:fs');
// A Teams activity handler, as the app's bot is: the stack is the same, only the logic differs.
const { TeamsActivityHandler } = require('botbuilder');
const { loadConfig } = require('../../lib/bot/config');
const { createLogger } = require('../../lib/bot/log');
const { createAdapter } = require('../../lib/bot/adapter');
const { createServer } = require('../../lib/bot/server');

const config = loadConfig();
const log = createLogger('warn');
const replies = JSON.parse(fs.readFileSync(process.env.ECHO_REPLIES, 'utf8'));
const ROLES = ['direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere', 'medarbejder'];
const bot = new TeamsActivityHandler();
bot.onMessage(async (context, next) => {
  const user = Number(/(\d+)$/.exec(context.activity.from.id)?.[1] ?? 0);
  const found = replies[`${ROLES[user % ROLES.length]}\u0000${context.activity.text}`];
  await context.sendActivities(found ?? [{ type: 'message', text: `Echo: ${context.activity.text}` }]);
  await next();
});
const server = createServer({ config, adapter: createAdapter(config, log), bot, log, ready: async () => undefined });
server.listen(config.port, config.host, () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));

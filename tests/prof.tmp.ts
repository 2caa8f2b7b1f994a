import { respond } from '../bot/turn';
import { startServer, messageActivity, post } from './helpers/server';
const randomWords = () => { let s = ''; while (s.length < 30_000) s += `${Math.random().toString(36).slice(2, 3 + Math.floor(Math.random() * 7))} `; return s.slice(0, 30_000); };
(async () => {
  const s = await startServer({ env: { LOG_LEVEL: 'warn' } });
  await post(s.url, messageActivity('hej', { deliveryMode: 'expectReplies' }));
  for (let i = 0; i < 8; i++) {
    const text = randomWords();
    const c0 = process.cpuUsage(); const t = Date.now();
    const r = await post(s.url, messageActivity(text, { deliveryMode: 'expectReplies' }));
    const c = process.cpuUsage(c0);
    console.log(r.status, Date.now() - t, 'ms wall', ((c.user + c.system) / 1000).toFixed(1), 'ms cpu (client+server)');
  }
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage(); const t = Date.now();
    const r = await post(s.url, messageActivity('hvad er centerchefens ansvar for driften?', { deliveryMode: 'expectReplies' }));
    const c = process.cpuUsage(c0);
    console.log('normal', r.status, Date.now() - t, 'ms wall', ((c.user + c.system) / 1000).toFixed(1), 'ms cpu');
  }
  await s.close();
})();

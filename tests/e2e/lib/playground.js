'use strict';
// Drives the Microsoft 365 Agents Playground as Teams would be used: its HTTP API to type messages and click card
// buttons (invoke adaptiveCard/action, composeExtension/query), its conversation WebSocket to see what the bot posts
// in the chats of the Playground's own user (user-id-0), and the connector tap (tools/e2e/connector-tap.js) to see
// what the bot posts in anyone else's 1:1 chat (the approvers'), which the Playground does not stream.
const fs = require('node:fs');
const path = require('node:path');
const env = require('./env');
const { ok, request, eventually } = require('./http');
const ws = require('./websocket');
const cards = require('./cards');

const CARD = 'application/vnd.microsoft.card.adaptive';

class Playground {
  static async open() {
    const pg = new Playground();
    pg.base = env.playgroundUrl;
    pg.tap = env.tapUrl;
    pg.config = (await ok('GET', `${pg.base}/_internal/v1/config`)).config;
    pg.stream = [];   // every createMessage/updateMessage pushed on the WebSocket, in order
    pg.socket = await ws.connect(pg.base.replace(/^http/, 'ws') + '/_ws_conversation/v1/conversations/stream', t => {
      try { const f = JSON.parse(t); if (f.message) pg.stream.push(f); } catch { /* not JSON */ }
    });
    return pg;
  }

  close() { this.socket?.close(); }

  get botId() { return this.config.bot.id; }
  get tenantId() { return this.config.tenantId; }
  get chatId() { return this.config.personalChat.id; }
  get me() { return this.config.currentUser; }
  user(id) { return [this.config.currentUser, ...this.config.users].find(u => u.id === id) ?? assertUser(id); }

  /** Opens the personal chat as the Playground UI does (installationUpdate + conversationUpdate to the bot). */
  async openChat(chatId = this.chatId) {
    const before = await this.tapMark();
    await ok('POST', `${this.base}/_debug/conversation/${chatId}/installation`, {});
    // The welcome comes once per chat (maybe in an earlier journey). Wait until it is out, and if it was sent just
    // now, until the stream has shown it, so it is never mistaken for the answer to the next message.
    const welcome = await this.tapCard(chatId, { re: /I'm AiPolicyBot/ });
    if (welcome.activity.seq > before) {
      await eventually(() => this.stream.some(f => f.message.messageId === welcome.messageId),
        { timeout: 10000, describe: () => 'the welcome did not reach the WebSocket stream' });
    }
  }

  /** Types a message; returns its id and the stream position before it (to wait for the reply after it). */
  async say(text, { from = this.me.id, chatId = this.chatId } = {}) {
    const mark = this.stream.length;
    const r = await ok('POST', `${this.base}/_conversation/v1/conversations/${chatId}/messages`, { from: { id: from }, text, textFormat: 'plain' });
    return { messageId: r.messageId, mark };
  }

  /** The next bot message in the chat after stream position `mark` that satisfies `pred` (default: any). */
  async botMessage({ chatId = this.chatId, mark = 0, pred = () => true, timeout = 20000 } = {}) {
    return eventually(() => this.stream.slice(mark).map(f => f.message)
      .find((m, i) => this.stream[mark + i].actionConversationId === chatId && m.from?.id === this.botId && pred(m)),
    { timeout, describe: () => `no matching bot message in chat ${chatId}; seen:\n${this.describeStream(chatId, mark)}` });
  }

  /** The next bot card in the chat after `mark` (optionally whose text matches `re`). */
  async botCard({ chatId = this.chatId, mark = 0, re, timeout } = {}) {
    const m = await this.botMessage({ chatId, mark, timeout, pred: m => { const c = cards.cardOf(m); return c && (!re || re.test(cards.text(c))); } });
    return { messageId: m.messageId, card: cards.cardOf(m) };
  }

  describeStream(chatId, mark = 0) {
    return this.stream.slice(mark).filter(f => !chatId || f.actionConversationId === chatId).map(f => {
      const c = cards.cardOf(f.message);
      return `  ${f.action} ${f.message.from?.id}: ${c ? cards.text(c).split('\n').slice(0, 4).join(' | ') : f.message.text}`;
    }).join('\n') || '  (nothing)';
  }

  /**
   * Clicks an Action.Execute (invoke adaptiveCard/action with replyToId, as the Playground UI sends it). Input values
   * are merged into the action's data, as Teams does. Returns the invoke response: for a card response
   * {statusCode:200, type:'application/vnd.microsoft.card.adaptive', value: card}.
   */
  async click({ card, verb, titleRe, inputs = {}, from = this.me.id, conversationId = this.chatId, replyToId }) {
    const action = cards.execute(card, verb, titleRe);
    const data = { ...(action.data || {}), ...inputs };
    const r = await request('POST', `${this.base}/_conversation/v1/invoke`, {
      name: 'adaptiveCard/action', from: { id: from }, conversation: { id: conversationId }, replyToId,
      value: { action: { type: 'Action.Execute', title: action.title, verb, data } },
    });
    if (r.status !== 200) throw new Error(`invoke ${verb} → HTTP ${r.status}: ${r.text.slice(0, 500)}`);
    return r.json;
  }

  /** Same as click, but expects a card back and returns it (throws with the response otherwise). */
  async clickForCard(args) {
    const r = await this.click(args);
    if (r?.type !== CARD || !r.value) throw new Error(`${args.verb}: expected a card, got ${JSON.stringify(r).slice(0, 800)}`);
    return r.value;
  }

  async invoke(name, value, { from = this.me.id, conversationId = this.chatId } = {}) {
    const r = await request('POST', `${this.base}/_conversation/v1/invoke`, { name, from: { id: from }, conversation: { id: conversationId }, value });
    if (r.status !== 200) throw new Error(`invoke ${name} → HTTP ${r.status}: ${r.text.slice(0, 500)}`);
    return r.json;
  }

  // ---- other people's 1:1 chats with the bot (approvers, the DPO) ----

  /**
   * Installs the bot for another Playground user, as Teams does when the app is installed for them: a 1:1 chat is
   * created and the bot gets installationUpdate + conversationUpdate from that user (so it stores their reference).
   * Idempotent per user within one Playground run.
   */
  async installFor(userId) {
    // Remembered in a file for the whole run: every journey file is its own process, and a second 1:1 chat for the
    // same person would leave it open which one the bot writes to.
    const file = path.join(env.artifacts, 'run', 'installed-chats.json');
    const known = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    if (known[this.base]?.[userId]) return known[this.base][userId];
    const user = this.user(userId);
    const created = await ok('POST', `${this.tap}/_connector/v3/conversations`, {
      isGroup: false, bot: { id: this.botId }, members: [{ id: user.id }], tenantId: this.tenantId,
      channelData: { tenant: { id: this.tenantId } },
    });
    const conversation = { id: created.id, conversationType: 'personal', tenantId: this.tenantId };
    const common = {
      channelId: 'msteams', serviceUrl: `${this.tap}/_connector`, timestamp: new Date().toISOString(),
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: this.botId, name: this.config.bot.name }, conversation,
      channelData: { tenant: { id: this.tenantId } }, locale: 'en-GB',
    };
    await ok('POST', `${this.base}/_internal/v1/customActivities`, { ...common, id: `install-${user.id}-${Date.now()}`, type: 'installationUpdate', action: 'add' });
    await ok('POST', `${this.base}/_internal/v1/customActivities`, {
      ...common, id: `cu-${user.id}-${Date.now()}`, type: 'conversationUpdate', membersAdded: [{ id: this.botId }],
    });
    // The bot stores the reference while handling the install; wait until its welcome is out, so it is stored.
    await this.tapCard(created.id, { re: /I'm AiPolicyBot/, timeout: 20000 });
    known[this.base] = { ...(known[this.base] || {}), [userId]: created.id };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(known, null, 2));
    return created.id;
  }

  /** Tap position now: only activities after it count for the next wait. */
  async tapMark() {
    const all = await ok('GET', `${this.tap}/_tap/activities`);
    return all.length ? all[all.length - 1].seq : 0;
  }

  /** Bot activities the tap saw in a conversation (POSTed and PUT), after tap position `since`. */
  async tapActivities(conversationId, since = 0) {
    return ok('GET', `${this.tap}/_tap/activities?conversationId=${encodeURIComponent(conversationId)}&since=${since}`);
  }

  /** The latest card the bot posted (or updated) in a conversation after `since` whose text matches `re`. */
  async tapCard(conversationId, { since = 0, re, timeout = 30000 } = {}) {
    const a = await eventually(async () => (await this.tapActivities(conversationId, since)).reverse()
      .find(x => { const c = cards.cardOf(x.activity); return c && (!re || re.test(cards.text(c))); }),
    { timeout, describe: () => `no card${re ? ' matching ' + re : ''} in conversation ${conversationId}` });
    return { messageId: a.activityId, card: cards.cardOf(a.activity), activity: a };
  }

  /** The first text message the bot posted in a conversation after `since` matching `re`. */
  async tapText(conversationId, { since = 0, re, timeout = 30000 } = {}) {
    const a = await eventually(async () => (await this.tapActivities(conversationId, since))
      .find(x => x.activity?.text && (!re || re.test(x.activity.text))),
    { timeout, describe: () => `no text${re ? ' matching ' + re : ''} in conversation ${conversationId}` });
    return a.activity.text;
  }
}

function assertUser(id) { throw new Error(`no Playground user ${id}`); }

module.exports = { Playground, CARD };

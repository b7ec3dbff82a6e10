'use strict';
// Journey 1: a teacher asks, with a typo, whether ChatGPT can be used for lesson plans, and gets the ChatGPT card:
// approved without personal data.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');

test('"can I use chat gtp for lesson plans?" gives the ChatGPT card, approved without personal data', async () => {
  const pg = await Playground.open();
  try {
    await pg.openChat();
    const { mark } = await pg.say('can I use chat gtp for lesson plans?');
    const { card } = await pg.botCard({ mark, re: /^ChatGPT$/m });
    const words = cards.text(card);
    assert.match(words, /^ChatGPT$/m, 'the card is about ChatGPT');
    assert.match(words, /Yes, you can use it for this/);
    assert.match(words, /Status: Approved without personal data/);
    assert.match(words, /Personal data: Not allowed/);
    assert.doesNotMatch(words, /NOT allowed/, 'lesson planning without personal data is allowed');
    cards.save('answer-approved', card);
    cards.save('welcome', (await pg.tapCard(pg.chatId, { re: /I'm AiPolicyBot/ })).card);
  } finally { pg.close(); }
});

'use strict';
// Journey 2: the same tool for reports with pupil names is a use that is not allowed; the card offers a request.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');

test('"can I use chatgpt to write reports with pupil names?" says not allowed and offers a request', async () => {
  const pg = await Playground.open();
  try {
    await pg.openChat();
    const { mark } = await pg.say('can I use chatgpt to write reports with pupil names?');
    const { card } = await pg.botCard({ mark, re: /^ChatGPT$/m });
    const words = cards.text(card);
    assert.match(words, /this use is NOT allowed/i);
    assert.match(words, /personal data/i);
    const offer = cards.execute(card, 'startRequest');
    assert.match(offer.title, /Request/i);
    assert.equal(offer.data.prefill.toolName, 'ChatGPT');
    assert.match(offer.data.prefill.dataCategories, /pupil/, 'the request is prefilled with pupil data');
    cards.save('answer-not-allowed', card);
  } finally { pg.close(); }
});

'use strict';
// Journey 9: messages in everyday words each get a useful card, never a dead end: a short help question, an unknown
// product typed in lower case, a list question narrowed by use, and a status chaser.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');

test('everyday help, a lower-case unknown product, a filtered list and a status chaser each get a useful card', async () => {
  const pg = await Playground.open();
  try {
    await pg.openChat();

    let said = await pg.say('wat can u do');
    const help = (await pg.botCard({ mark: said.mark, re: /What I can do/ })).card;
    let words = cards.text(help);
    assert.match(words, /I help you use AI tools safely/);
    cards.save('everyday-help', help);

    said = await pg.say('is perplexity ok for researching my year 9 history topic?');
    const unknown = (await pg.botCard({ mark: said.mark, re: /^Perplexity$/m })).card;
    words = cards.text(unknown);
    assert.match(words, /Not assessed yet/);
    assert.match(words, /Perplexity is not in the Trust's register/);
    assert.match(JSON.stringify(unknown), /Request approval/, 'the card offers the request');
    cards.save('everyday-unknown-lower-case', unknown);

    said = await pg.say('which tools r approved for marking?');
    const list = (await pg.botCard({ mark: said.mark, re: /Approved AI tools/ })).card;
    words = cards.text(list);
    assert.match(words, /Approved AI tools for/, 'the list says what it is filtered by');
    cards.save('everyday-filtered-list', list);

    said = await pg.say('any news on my request? been waiting ages');
    const mine = (await pg.botCard({ mark: said.mark, re: /Your requests/ })).card;
    assert.match(cards.text(mine), /Your requests/);
    cards.save('everyday-status-chaser', mine);
  } finally { pg.close(); }
});

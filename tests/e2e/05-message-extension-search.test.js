'use strict';
// Journey 5: the message-extension search (composeExtension/query, command searchTools) finds a tool, with its status,
// through the Playground's invoke API.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');

test('the message-extension search finds a tool', async () => {
  const pg = await Playground.open();
  try {
    await pg.openChat();
    const r = await pg.invoke('composeExtension/query', {
      commandId: 'searchTools', parameters: [{ name: 'searchQuery', value: 'chat gtp' }], queryOptions: { skip: 0, count: 10 },
    });
    const result = r?.composeExtension;
    assert.equal(result?.type, 'result', JSON.stringify(r).slice(0, 500));
    assert.ok(result.attachments.length >= 1, 'at least one tool');
    const first = result.attachments[0];
    assert.equal(first.preview?.content?.title, 'ChatGPT', `the first result is ChatGPT: ${JSON.stringify(first.preview).slice(0, 300)}`);
    const card = first.contentType === 'application/vnd.microsoft.card.adaptive' ? first.content : null;
    assert.ok(card, 'the inserted item is an Adaptive Card');
    assert.match(cards.text(card), /Approved without personal data/);
    // Cards inserted into a message (and Outlook) can only open links.
    assert.deepEqual([...new Set(cards.actions(card).map(a => a.type))], ['Action.OpenUrl']);
    cards.save('message-extension-result', card);

    const none = await pg.invoke('composeExtension/query', {
      commandId: 'searchTools', parameters: [{ name: 'searchQuery', value: 'zzqxw' }], queryOptions: { skip: 0, count: 10 },
    });
    assert.notEqual(none?.composeExtension?.attachments?.[0]?.preview?.content?.title, 'ChatGPT', 'nonsense does not find ChatGPT');
  } finally { pg.close(); }
});

'use strict';
// Journey 6: a member of staff emails Information Assurance that pupil data was pasted into an AI tool. Locally the
// mailbox is a drop folder: the .eml dropped in inbox/ is triaged as a possible breach, filed under
// triaged/breach/, and the DPO (Playground user-id-3 in the local profile) gets the urgent alert in Teams.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');
const mail = require('./lib/mail');
const { eventually } = require('./lib/http');
const { APPROVERS } = require('./lib/requests');

test('an .eml reporting pupil data pasted into an AI tool, dropped in the local inbox, alerts the DPO', async () => {
  const pg = await Playground.open();
  try {
    const dpoChat = await pg.installFor(APPROVERS.DPO);
    const since = await pg.tapMark();
    const id = `e2e-${Date.now()}@oakfield.example`;
    const subject = `Pupil data pasted into ChatGPT, ref ${id.slice(4, 17)}`;
    const eml = [
      'From: Sam Teacher <sam.teacher@oakfield.example>',
      'To: Information Assurance <information.assurance@trust.example>',
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${id}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello,',
      '',
      'I think I made a mistake this morning: I pasted my Year 8 class list with the pupils\' names, dates of birth and',
      'SEN notes into ChatGPT to help write report comments. I realise now this was personal data and should not have',
      'gone into it. What should I do?',
      '',
      'Sam',
      '',
    ].join('\r\n');
    // Written under another name, then renamed: the drop folder never sees half a file.
    const inbox = mail.folder('inbox');
    fs.writeFileSync(path.join(inbox, `${id}.tmp`), eml);
    fs.renameSync(path.join(inbox, `${id}.tmp`), path.join(inbox, `${id}.eml`));

    const filed = await eventually(() => mail.list('triaged').find(f => f.includes(id)),
      { timeout: 30000, describe: () => `the mail was not triaged; inbox: ${fs.readdirSync(inbox).join(', ')}; triaged: ${mail.list('triaged').join(', ')}` });
    assert.match(filed, /^triaged[/\\]breach[/\\]/, `filed as a breach: ${filed}`);

    const { card, activity } = await pg.tapCard(dpoChat, { since, re: /data breach/i, timeout: 30000 });
    const words = cards.text(card);
    assert.match(words, /Possible data breach/);
    assert.ok(words.includes(subject), `the alert names the mail: ${words}`);
    assert.match(activity.activity.summary || '', /URGENT/i, 'the notification says it is urgent');
    cards.save('dpo-breach-alert', card);
  } finally { pg.close(); }
});

'use strict';
// Journey 6: mail to Information Assurance that reports a personal-data breach alerts the DPO. Locally the mailbox is
// a drop folder: the .eml dropped in inbox/ is triaged, and the DPO (Playground user-id-3 in the local profile) gets
// the urgent alert in Teams. A confident breach is filed under triaged/breach/; a possible breach keeps the category
// triage is confident of (a complaint, say) and its folder, and its alert says "possible" (docs/spec/triage.md
// "Breach"). Three shapes: a plain report; a breach buried in a complaint; a supplier's breach notice sent with bulk-mail headers (the breach detector runs whatever
// the headers say, docs/spec/triage.md "Breach").
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');
const mail = require('./lib/mail');
const { eventually } = require('./lib/http');
const { APPROVERS } = require('./lib/requests');

/** Drops one .eml in the local inbox and waits for it to be filed as a breach and for the DPO's urgent card. */
async function dropAndExpectDpoAlert({ from, subjectStem, headers = [], body, save }) {
  const pg = await Playground.open();
  try {
    const dpoChat = await pg.installFor(APPROVERS.DPO);
    const since = await pg.tapMark();
    const id = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@mail.example`;
    const subject = `${subjectStem}, ref ${id.slice(4, 17)}`;
    const eml = [
      `From: ${from}`,
      'To: Information Assurance <information.assurance@trust.example>',
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${id}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      ...headers,
      '',
      ...body,
      '',
    ].join('\r\n');
    // Written under another name, then renamed: the drop folder never sees half a file.
    const inbox = mail.folder('inbox');
    fs.writeFileSync(path.join(inbox, `${id}.tmp`), eml);
    fs.renameSync(path.join(inbox, `${id}.tmp`), path.join(inbox, `${id}.eml`));

    const filed = await eventually(() => mail.list('triaged').find(f => f.includes(id)),
      { timeout: 30000, describe: () => `the mail was not triaged; inbox: ${fs.readdirSync(inbox).join(', ')}; triaged: ${mail.list('triaged').join(', ')}` });

    const { card, activity } = await pg.tapCard(dpoChat, { since, re: new RegExp(`data breach[\\s\\S]*${id.slice(4, 17)}`, 'i'), timeout: 30000 });
    const words = cards.text(card);
    // Confident or "possible" (triage unsure, marked for a person's look): either way the DPO is alerted.
    assert.match(words, /Data breach reported|Possible data breach: triage is unsure/);
    // Filed under its category: breach, or for a possible breach the category the card names ("triaged as complaint").
    const triagedAs = /triaged as ([a-z ]+)/.exec(words)?.[1].trim();
    const folder = { 'tool request': 'toolRequest', 'needs a person': 'needsHuman' }[triagedAs] ?? triagedAs ?? 'breach';
    assert.ok(filed.split(/[/\\]/)[1] === folder, `filed under triaged/${folder}/: ${filed}`);
    assert.ok(words.includes(subject), `the alert names the mail: ${words}`);
    assert.match(activity.activity.summary || '', /URGENT/i, 'the notification says it is urgent');
    cards.save(save, card);
  } finally { pg.close(); }
}

test('an .eml reporting pupil data pasted into an AI tool, dropped in the local inbox, alerts the DPO', () =>
  dropAndExpectDpoAlert({
    from: 'Sam Teacher <sam.teacher@oakfield.example>',
    subjectStem: 'Pupil data pasted into ChatGPT',
    body: [
      'Hello,',
      '',
      'I think I made a mistake this morning: I pasted my Year 8 class list with the pupils\' names, dates of birth and',
      'SEN notes into ChatGPT to help write report comments. I realise now this was personal data and should not have',
      'gone into it. What should I do?',
      '',
      'Sam',
    ],
    save: 'dpo-breach-alert',
  }));

test('a parent\'s complaint with a breach buried in it alerts the DPO', () =>
  dropAndExpectDpoAlert({
    from: 'Karen Mills <karen.mills@homemail.example>',
    subjectStem: 'Formal complaint about homework marking',
    body: [
      'Dear Sir or Madam,',
      '',
      'I wish to make a formal complaint about the way my son\'s homework is now being marked. His teacher told the',
      'class that an AI website marks their essays, and the feedback he gets back is generic and sometimes wrong.',
      '',
      'Worse, at parents\' evening the teacher showed me on her laptop that she had pasted the whole class\'s essays, with',
      'the pupils\' full names and their SEN notes, into that website. Nobody asked our permission for that.',
      '',
      'I expect a reply within the timescales in your complaints policy.',
      '',
      'Karen Mills',
    ],
    save: 'dpo-breach-in-complaint-alert',
  }));

test('a supplier\'s breach notice sent with bulk-mail headers alerts the DPO', () =>
  dropAndExpectDpoAlert({
    from: 'EduWrite Notifications <no-reply@notify.eduwrite.example>',
    subjectStem: 'Important: security incident affecting your EduWrite account',
    headers: [
      'List-Unsubscribe: <https://notify.eduwrite.example/unsubscribe?u=1234>',
      'Precedence: bulk',
      'X-Microsoft-Antispam: BCL:5;',
    ],
    body: [
      'Dear customer,',
      '',
      'We are writing to tell you about a security incident. On 2 December an unauthorised party gained access to one',
      'of our databases. The data accessed includes teacher names and email addresses and the names, year groups and',
      'essay submissions of pupils at schools using EduWrite, including yours.',
      '',
      'We have reported the incident to the ICO. As data controller you may need to assess whether you must notify',
      'the individuals affected. Our incident reference is EW-2026-117.',
      '',
      'The EduWrite Security Team',
      '',
      'You receive this email because you have an EduWrite account. Unsubscribe: https://notify.eduwrite.example/unsubscribe',
    ],
    save: 'dpo-supplier-breach-alert',
  }));

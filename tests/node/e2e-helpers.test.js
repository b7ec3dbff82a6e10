'use strict';
// The end-to-end drivers' own helpers (tests/e2e/lib): the .eml reader and the card reader must be right, or a
// journey could pass or fail for the wrong reason.
const test = require('node:test');
const assert = require('node:assert/strict');
const mail = require('../e2e/lib/mail');
const cards = require('../e2e/lib/cards');

test('mail.parse decodes encoded-word subjects and base64 / quoted-printable parts of a multipart mail', () => {
  const raw = [
    'From: AiPolicyBot <aipolicybot@trust.example>',
    'To: information.assurance@trust.example',
    'Subject: =?utf-8?B?RGVjaXNpb246IEFJUC0yMDI2LTAwMDEg4oCTIGFwcHJvdmVk?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Reason: the supplier keeps data outside the UK =E2=80=93 no DPA, and a long =',
    'line.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('<p>Brisk Teaching</p>').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');
  const m = mail.parse(raw);
  assert.equal(m.subject, 'Decision: AIP-2026-0001 – approved');
  assert.equal(m.to, 'information.assurance@trust.example');
  assert.match(m.text, /outside the UK – no DPA, and a long line\./);
  assert.match(m.text, /<p>Brisk Teaching<\/p>/);
});

test('cards finds Action.Execute inside ShowCards and ActionSets, and lists the card\'s words', () => {
  const card = {
    type: 'AdaptiveCard', version: '1.5',
    body: [
      { type: 'TextBlock', text: 'AI tool request AIP-2026-0001' },
      { type: 'FactSet', facts: [{ title: 'Status', value: 'Waiting for: CIO' }] },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'approval.refresh', title: 'Refresh card' }] },
    ],
    actions: [
      { type: 'Action.Execute', verb: 'approval.approve', title: 'Approve (as CIO)', data: { reference: 'AIP-2026-0001' } },
      { type: 'Action.ShowCard', title: 'Reject', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'rejectReason', label: 'Why?' }],
        actions: [{ type: 'Action.Execute', verb: 'approval.reject', title: 'Reject (as CIO)', data: { reference: 'AIP-2026-0001' } }] } },
    ],
  };
  assert.deepEqual(cards.verbs(card).sort(), ['approval.approve', 'approval.refresh', 'approval.reject']);
  assert.equal(cards.execute(card, 'approval.reject').data.reference, 'AIP-2026-0001');
  assert.deepEqual(cards.inputs(card).map(i => i.id), ['rejectReason']);
  const words = cards.text(card);
  assert.match(words, /Status: Waiting for: CIO/);
  assert.match(words, /\[Approve \(as CIO\)\]/);
  assert.throws(() => cards.execute(card, 'approval.withdraw'), /no Action.Execute verb=approval.withdraw.*approval.approve/s);
  assert.equal(cards.cardOf({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }), card);
  assert.equal(cards.cardOf({ text: 'hi' }), null);
});

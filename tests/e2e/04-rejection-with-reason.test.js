'use strict';
// Journey 4: an approver rejects a request and says why. The reason reaches the requester in Teams and is in the
// decision mail in the local outbox.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');
const mail = require('./lib/mail');
const { APPROVERS, newToolWithPupilData, submitRequest, approvalCard, decide } = require('./lib/requests');

const TOOL = 'Quizlet Magic Notes';
const REASON = 'The supplier keeps pupil data outside the UK and offers no data processing agreement';

test('a rejection with a reason reaches the requester and the outbox', async () => {
  const pg = await Playground.open();
  try {
    await pg.openChat();
    for (const role of ['CIO', 'CDO', 'DPO']) await pg.installFor(APPROVERS[role]);
    const since = await pg.tapMark();
    const { reference } = await submitRequest(pg, newToolWithPupilData(TOOL));

    const { card } = await approvalCard(pg, APPROVERS.DPO, reference, { since });
    assert.ok(cards.verbs(card).includes('approval.reject'), `the DPO can reject: ${cards.verbs(card)}`);

    const mark = pg.stream.length;
    const after = await decide(pg, APPROVERS.DPO, reference, 'approval.reject', { rejectReason: REASON });
    assert.match(cards.text(after), /reject/i, cards.text(after));
    cards.save('approval-card-rejected', after);

    const told = await pg.botMessage({ mark, timeout: 45000, pred: m => new RegExp(reference).test(m.text || '') });
    assert.match(told.text, /reject|declined|not approved/i, told.text);
    assert.ok(told.text.includes(REASON), `the requester sees the reason: ${told.text}`);

    const decision = await mail.waitForOutbox([new RegExp(reference), /Decision:/, /reject|declined|not approved/i]);
    assert.ok(decision.text.replace(/\s+/g, ' ').includes(REASON), `the decision mail gives the reason:\n${decision.text}`);
  } finally { pg.close(); }
});

'use strict';
// Journey 3: a teacher asks for a new tool they would use with pupils' personal data. The wizard routes it to the
// Trust tier; the CIO, the CDO and the DPO (three different Playground users, none of them the requester) approve on
// their cards; the requester is told in Teams; the decision mail is in the local outbox; after the training is
// recorded, asking again says the use is approved.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');
const mail = require('./lib/mail');
const { eventually } = require('./lib/http');
const { APPROVERS, newToolWithPupilData, submitRequest, approvalCard, decide } = require('./lib/requests');

const TOOL = 'Brisk Teaching';

test('new tool with personal data: wizard, CIO + CDO + DPO approve, requester told, decision mail, then approved', async t => {
  const pg = await Playground.open();
  try {
    await pg.openChat();
    for (const role of ['CIO', 'CDO', 'DPO']) await pg.installFor(APPROVERS[role]);
    const since = await pg.tapMark();

    const { reference, outcome } = await submitRequest(pg, newToolWithPupilData(TOOL), { saveAs: 'wizard' });
    const outcomeText = cards.text(outcome);
    t.diagnostic(`request ${reference}`);
    assert.match(outcomeText, new RegExp(`Request ${reference}: ${TOOL}`));
    for (const role of ['CIO', 'CDO', 'DPO']) assert.match(outcomeText, new RegExp(role), `the outcome names the ${role}`);
    cards.save('request-outcome', outcome);

    // Each approver gets their own card for this request, and decides as their role.
    for (const role of ['CIO', 'CDO', 'DPO']) {
      const { card } = await approvalCard(pg, APPROVERS[role], reference, { since });
      assert.ok(cards.verbs(card).includes('approval.approve'), `${role} card offers Approve: ${cards.verbs(card)}`);
      if (role === 'CIO') cards.save('approval-card', card);
    }
    const mark = pg.stream.length;
    for (const role of ['CIO', 'CDO', 'DPO']) {
      const after = await decide(pg, APPROVERS[role], reference, 'approval.approve');
      if (role === 'DPO') cards.save('approval-card-approved', after);
      assert.doesNotMatch(cards.text(after), /not allowed|can't decide|cannot decide/i, `${role} could decide:\n${cards.text(after)}`);
    }

    // The requester (user-id-0) is told in their chat.
    // The approvers' cards are updated in the same stream; the requester's message is the one addressed to them.
    const told = await pg.botMessage({ mark, timeout: 45000, pred: m => {
      const text = m.text || (cards.cardOf(m) ? cards.text(cards.cardOf(m)) : '');
      return new RegExp(reference).test(text) && /your request/i.test(text);
    } });
    const toldText = told.text || cards.text(cards.cardOf(told));
    assert.match(toldText, /approved/i, `the requester hears it was approved: ${toldText}`);

    // The decision mail is in the local outbox.
    const decision = await mail.waitForOutbox([new RegExp(reference), /Decision:/, /approved/i]);
    assert.match(decision.text, new RegExp(TOOL));

    // The go-live checks (security evidence, DPIA) are ticked by the CIO and the DPO: until then it is "checks pending"
    // (journey 10 shows that state).
    await decide(pg, APPROVERS.CIO, reference, 'approval.tickCheck', { check: 'security' });
    await decide(pg, APPROVERS.DPO, reference, 'approval.tickCheck', { check: 'dpia' });

    // Asking again: approved for this use (once the tool's training, if any, is recorded).
    // The approval carries the training condition, so the first answer asks for the training and offers to record it.
    // The register is rewritten by the follow-up a moment after the last tick.
    let answer = await eventually(async () => {
      const a = await ask(pg, `can I use ${TOOL} for feedback and marking with pupil names?`);
      return /checks pending/i.test(cards.text(a.card)) ? null : a;
    }, { timeout: 30000, describe: () => 'the answer still says "checks pending" after the checks were ticked' });
    assert.match(cards.text(answer.card), /once you've completed the training/i, cards.text(answer.card));
    cards.save('answer-training-needed', answer.card);
    const recorded = await pg.clickForCard({ card: answer.card, verb: 'recordTraining', replyToId: answer.messageId });
    assert.match(cards.text(recorded), /record/i, cards.text(recorded));
    cards.save('training-recorded', recorded);
    answer = await ask(pg, `can I use ${TOOL} for feedback and marking with pupil names?`);
    const words = cards.text(answer.card);
    assert.match(words, /Yes, you can use it/, `asking again says approved:\n${words}`);
    assert.doesNotMatch(words, /NOT allowed|Not assessed/);

    // "my requests" lists it as approved.
    const { mark: m2 } = await pg.say('my requests');
    const mine = await pg.botCard({ mark: m2, re: new RegExp(reference) });
    assert.match(cards.text(mine.card), new RegExp(`${reference}[^\\n]*${TOOL}|${TOOL}[^\\n]*${reference}`));
    assert.match(cards.text(mine.card), /Approved/);
    cards.save('my-requests', mine.card);
  } finally { pg.close(); }
});

async function ask(pg, question) {
  const { mark } = await pg.say(question);
  return pg.botCard({ mark, re: new RegExp(`^${TOOL}$`, 'm'), timeout: 30000 });
}

'use strict';
// Journey 10: reaching approvers and recording due diligence. A teacher asks for a new tool with pupils' data (Trust
// tier). The CIO's deputy never opened the bot: it is installed for them through the (fake) Graph and their card
// arrives in the new chat. The CDO's deputy is unknown to Teams: they get the card by email and the administrators an
// alert. After the CIO, CDO and DPO approve, the tool is "approved, checks pending" until the DPO ticks the DPIA.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { Playground } = require('./lib/playground');
const cards = require('./lib/cards');
const mail = require('./lib/mail');
const { ok, eventually } = require('./lib/http');
const { APPROVERS, newToolWithPupilData, submitRequest, decide } = require('./lib/requests');

const TOOL = 'Kestrel Teaching';
const CIO_DEPUTY = 'user-id-5';

test('an approver without the app gets it installed, an unreachable one an email and an alert; checks pending until the DPIA is ticked', async t => {
  const pg = await Playground.open();
  try {
    await pg.openChat();
    for (const role of ['CIO', 'CDO', 'DPO']) await pg.installFor(APPROVERS[role]);
    const since = await pg.tapMark();
    const { reference } = await submitRequest(pg, newToolWithPupilData(TOOL));
    t.diagnostic(`request ${reference}`);

    // 1. Installed through Graph: the deputy's new chat holds their card, with the approve button.
    const deputyAad = pg.user(CIO_DEPUTY).aadObjectId.toLowerCase();
    const chat = await eventually(async () => (await ok('GET', `${process.env.E2E_GRAPH_URL}/_fake/installed`))[deputyAad],
      { timeout: 45000, describe: () => 'the app was not installed for the CIO deputy through Graph' });
    const { card: deputyCard } = await pg.tapCard(chat, { since, re: new RegExp(reference), timeout: 45000 });
    assert.ok(cards.verbs(deputyCard).includes('approval.approve'), cards.verbs(deputyCard).join());
    cards.save('approval-card-installed', deputyCard);

    // 2. Unreachable: the card by email to their address, and an administrator alert.
    const unreachable = process.env.E2E_UNREACHABLE_DEPUTY;
    const emailed = await mail.waitForOutbox([new RegExp(reference), /decision is needed/i], { timeout: 45000 });
    assert.match(emailed.to, new RegExp(unreachable));
    assert.match(emailed.text, /teams\.microsoft\.com\/l\/entity\//);
    await eventually(async () => /PersonUnreachable/.test(fs.readFileSync(process.env.E2E_HOST_LOG, 'utf8')),
      { timeout: 20000, describe: () => 'no PersonUnreachable alert in the host log' });

    // 3. All three approve: approved, but checks pending.
    for (const role of ['CIO', 'CDO', 'DPO']) await decide(pg, APPROVERS[role], reference, 'approval.approve');
    // The register is written by the follow-up, a moment after the last click.
    let answer = await eventually(async () => { const a = await ask(pg); return /checks pending/i.test(cards.text(a.card)) ? a : null; },
      { timeout: 30000, describe: () => 'the answer never said "approved, checks pending"' });
    cards.save('answer-checks-pending', answer.card);

    // Every check but the DPIA (here: the CIO's security evidence): still pending.
    for (const [role, check] of [['CIO', 'security']]) {
      const after = await decide(pg, APPROVERS[role], reference, 'approval.tickCheck', { check, link: 'https://sharepoint.localhost/evidence' });
      assert.doesNotMatch(cards.text(after), /not allowed/i, cards.text(after));
    }
    answer = await ask(pg);
    assert.match(cards.text(answer.card), /checks pending/i);
    assert.match(cards.text(answer.card), /DPIA/);

    // The DPO ticks the DPIA: live.
    const ticked = await decide(pg, APPROVERS.DPO, reference, 'approval.tickCheck', { check: 'dpia' });
    assert.match(cards.text(ticked), /Status: Approved/);
    assert.doesNotMatch(cards.text(ticked), /checks pending/i);
    cards.save('approval-card-checks-done', ticked);
    answer = await eventually(async () => { const a = await ask(pg); return /checks pending/i.test(cards.text(a.card)) ? null : a; },
      { timeout: 20000, describe: () => 'the answer still says checks pending' });
    assert.match(cards.text(answer.card), /Yes/);
  } finally { pg.close(); }
});

async function ask(pg) {
  const { mark } = await pg.say(`can I use ${TOOL} for feedback and marking with pupil names?`);
  return pg.botCard({ mark, re: new RegExp(`^${TOOL}$`, 'm'), timeout: 30000 });
}

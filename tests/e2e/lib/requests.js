'use strict';
// Steps shared by the request journeys: fill in the request wizard as a member of staff would, and act on approval
// cards as the approvers of the local profile (appsettings.Development.json: Playground users by role).
const cards = require('./cards');

/** Approver roles of the local profile, by Playground user (separation of duties: never the requester user-id-0). */
const APPROVERS = { CIO: 'user-id-1', CDO: 'user-id-2', DPO: 'user-id-3', IT: 'user-id-4', AcademyLeader: 'user-id-5' };

/** A new tool that staff would use with pupils' personal data: the Trust tier (CIO, CDO and DPO) decides. */
function newToolWithPupilData(toolName) {
  return {
    toolName, requestType: 'newTool', vendor: 'Example Vendor Ltd', toolUrl: 'https://example.com/tool',
    edition: 'educationEnterprise', accessMode: 'webBrowser', accountType: 'trustSso',
    purpose: 'Draft end-of-term report comments from my own notes about each pupil, which I then check and edit',
    useCategory: 'feedbackMarking', academyId: 'oakfield', role: 'teacher', users: 'staff',
    outputUse: 'draftsEdited', humanReview: 'every', significantEffect: 'none', jcqAssessed: 'no',
    dataCategories: 'pupil', vendorTrainsOnInputs: 'no', dataLocation: 'uk', dpaAvailable: 'yes', explainable: 'partly',
    protectedCharacteristicImpact: 'no', declNoDataYet: 'true', declReadPolicy: 'true',
  };
}

/**
 * Types "I'd like to request approval for <tool>", then walks the wizard: on every page, fills the inputs the page
 * has from `answers` and clicks Next, until "Submit request". Returns the outcome card and the request reference.
 */
async function submitRequest(pg, answers, { from, saveAs } = {}) {
  const { mark } = await pg.say(`I'd like to request approval for ${answers.toolName}`, from ? { from } : {});
  let { messageId, card } = await pg.botCard({ mark, pred: undefined, re: /About the tool|Submit request|\[Next\]/ });
  const pagesSeen = [];
  for (let step = 0; step < 8; step++) {
    const ids = cards.inputs(card).map(i => i.id);
    pagesSeen.push(cards.text(card).split('\n')[0]);
    if (saveAs) cards.save(`${saveAs}-page-${step + 1}`, card);
    const inputs = Object.fromEntries(ids.filter(id => answers[id] !== undefined).map(id => [id, answers[id]]));
    const submit = cards.actions(card).find(a => a.verb === 'submitRequest');
    const next = submit ? null : cards.execute(card, 'requestWizardStep', /^Next$/);
    const errorsBefore = cards.text(card);
    card = await pg.clickForCard({ card, verb: submit ? 'submitRequest' : 'requestWizardStep', titleRe: submit ? undefined : /^Next$/, inputs, replyToId: messageId, from });
    if (submit || !next) {
      const words = cards.text(card);
      const reference = /AIP-\d{4}-\d{4,}/.exec(words)?.[0];
      if (!reference) throw new Error(`the submit did not give an outcome card with a reference; pages: ${pagesSeen.join(' → ')}; got:\n${words}\n(before: ${errorsBefore})`);
      return { reference, outcome: card, messageId };
    }
  }
  throw new Error(`the wizard did not reach "Submit request" in 8 pages: ${pagesSeen.join(' → ')}\n${cards.text(card)}`);
}

/** The approval card for `reference` in an approver's 1:1 chat (seen through the connector tap). */
async function approvalCard(pg, userId, reference, { since = 0, timeout = 45000 } = {}) {
  const chat = await pg.installFor(userId);
  try {
    const found = await pg.tapCard(chat, { since, timeout, re: new RegExp(reference) });
    return { chat, ...found };
  } catch (e) {
    const role = Object.keys(APPROVERS).find(r => APPROVERS[r] === userId) || userId;
    throw new Error(`no approval card for ${reference} reached the ${role}'s 1:1 chat (${userId}) within ${timeout} ms. ` +
      'Is the approvals part composed (AddApprovalsPart in AiPolicyBotServices) and this person the ' +
      `${role} in appsettings.Development.json (Approvers)? See artifacts/e2e/run/host.log. (${e.message})`);
  }
}

/** An approver clicks a verb on their approval card; returns the card the bot answers with. */
async function decide(pg, userId, reference, verb, inputs = {}, titleRe) {
  const { chat, messageId, card } = await approvalCard(pg, userId, reference);
  return pg.clickForCard({ card, verb, titleRe, inputs, from: userId, conversationId: chat, replyToId: messageId });
}

module.exports = { APPROVERS, newToolWithPupilData, submitRequest, approvalCard, decide };

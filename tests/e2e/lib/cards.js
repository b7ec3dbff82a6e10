'use strict';
// Reading Adaptive Cards as a person would: their text, their buttons (also inside ShowCards and ActionSets), and
// the Action.Execute data Teams would send (the action's data with the card's input values merged in).

function* walk(node) {
  if (Array.isArray(node)) { for (const n of node) yield* walk(n); return; }
  if (!node || typeof node !== 'object') return;
  yield node;
  for (const key of ['body', 'items', 'columns', 'actions', 'inlines', 'card', 'facts']) if (node[key]) yield* walk(node[key]);
}

/** All visible words of a card: TextBlocks, TextRuns, facts, input labels and action titles, one per line. */
function text(card) {
  const out = [];
  for (const n of walk(card)) {
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && n.text) out.push(n.text);
    if (n.title !== undefined && n.value !== undefined && !n.type) out.push(`${n.title}: ${n.value}`);   // Fact
    if (n.type && n.type.startsWith('Action.') && n.title) out.push(`[${n.title}]`);
    if (n.type && n.type.startsWith('Input.') && n.label) out.push(n.label);
  }
  return out.join('\n');
}

function actions(card) {
  return [...walk(card)].filter(n => typeof n.type === 'string' && n.type.startsWith('Action.'));
}

function inputs(card) {
  return [...walk(card)].filter(n => typeof n.type === 'string' && n.type.startsWith('Input.'));
}

/** The Action.Execute with this verb (and, if given, a title matching the regex); throws listing what there is. */
function execute(card, verb, titleRe) {
  const found = actions(card).find(a => a.type === 'Action.Execute' && a.verb === verb && (!titleRe || titleRe.test(a.title || '')));
  if (!found) {
    const have = actions(card).map(a => `${a.type}${a.verb ? ' ' + a.verb : ''} "${a.title || ''}"`).join(', ');
    throw new Error(`no Action.Execute verb=${verb}${titleRe ? ' title~' + titleRe : ''} on the card; it has: ${have || 'no actions'}\n${text(card)}`);
  }
  return found;
}

function verbs(card) { return actions(card).filter(a => a.type === 'Action.Execute').map(a => a.verb); }

/** The adaptive card content of a bot message or activity (first card attachment), or null. */
function cardOf(message) {
  const att = (message?.attachments || []).find(a => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return att ? att.content : null;
}

module.exports = { walk, text, actions, inputs, execute, verbs, cardOf };

/**
 * Keeps a card the journey saw as artifacts/e2e/cards/<name>.json: tools/docs/screenshots.sh renders these real
 * cards (from the real card builders, as the bot sent them) into the user guide's images.
 */
function save(name, card) {
  const fs = require('node:fs');
  const path = require('node:path');
  const dir = path.join(require('./env').artifacts, 'cards');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(card, null, 2));
}

module.exports.save = save;

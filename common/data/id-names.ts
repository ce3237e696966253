// One rule for "this column names the things a log counts by id" (user, item, user_id, movieId, uid, ...).
// The importer reads a whole-number column so named as ids (categories, not quantities), and a
// recommendation run's cold-start line reports such a field even when none of its values is unseen. Both
// read this rule, so a column the import calls an id is the column the run reports as one.

/**
 * Things people count by id: a whole-number column named after one holds ids (MovieLens `user,item`).
 * Words that also name a count are not here: bank marketing's `campaign` is the number of calls (1–63), so
 * only `campaign_id`, `campaignId`… (the id forms below) read as ids.
 */
const ENTITIES = 'user|item|movie|product|customer|ad|advertiser|publisher|site|app|device|store|shop|author|song|track|artist|book|article|query|sku|asin';
const ENTITY_NAME = new RegExp(`^(${ENTITIES})([_\\s.-]?id)?$`, 'i');
/** The short forms recommendation logs use for user, item, product and content ids (KuaiRec-style `uid,iid`). */
const SHORT_ID = /^[uipc]id$/i;

/** Whether `name` reads as an id column: 'id', 'user_id', 'movieId', 'user', 'uid' (not 'idle', not 'paid'). */
export function looksLikeIdName(name: string): boolean {
  const n = name.trim();
  return /(^|[_\s.-])id$/i.test(n) || /[a-z](ID|Id)$/.test(n) || /^id$/i.test(n) || ENTITY_NAME.test(n) || SHORT_ID.test(n);
}

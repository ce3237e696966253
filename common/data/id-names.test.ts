// The id-name rule decides both an import's types (an int column named 'user' holds ids) and which fields a
// recommendation run's cold-start line always reports, so its edges are pinned here once.
import { describe, expect, it } from 'vitest';
import { looksLikeIdName } from './id-names';

describe('looksLikeIdName', () => {
  it('reads the usual id spellings', () => {
    for (const name of ['id', 'ID', 'user_id', 'user id', 'item.id', 'movieId', 'userID', 'user', 'Item', 'product_id', 'asin', 'sku', 'uid', 'IID', 'cid', ' user ', 'campaign_id', 'campaignId', 'campaign-id'])
      expect(looksLikeIdName(name), name).toBe(true);
  });
  it('leaves quantities and words that merely contain the letters', () => {
    // 'campaign': bank marketing's count of calls in the campaign (1–63), a quantity; its ids are written campaign_id
    for (const name of ['idle', 'paid', 'valid', 'rating', 'age', 'user_age', 'username', 'timestamp', 'C1', 'grid', 'humid', 'item_count', 'campaign', 'Campaign'])
      expect(looksLikeIdName(name), name).toBe(false);
  });
});

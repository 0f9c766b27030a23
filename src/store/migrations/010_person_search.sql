-- Search over the persons projection: name keys (sounds, nickname groups, first letters;
-- src/linkage/search-keys.ts) and the postcode as compared. Rows written before are
-- brought up to date from the log when the store opens (src/store/projection-catch-up.ts).
ALTER TABLE persons ADD COLUMN name_keys TEXT[];
ALTER TABLE persons ADD COLUMN postcode_key TEXT;
CREATE INDEX persons_name_keys ON persons USING GIN (name_keys);
CREATE INDEX persons_postcode_key ON persons (postcode_key);
CREATE INDEX persons_born ON persons (born);

-- Every case read carries its date of last filing (MAX(filed_on) of its entries: db/cases-repository.ts).
-- Without this index that MAX reads every entry of the case: ~2 ms a request for a 10,000-entry docket.
-- With it, one seek to the end of the case's range.
CREATE INDEX docket_entries_by_filed ON docket_entries (case_id, filed_on);

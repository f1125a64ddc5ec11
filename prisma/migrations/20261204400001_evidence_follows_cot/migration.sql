-- item.contradicted_steps counts the evidence stage's contradicted claims in the CoT under review.
-- Evidence verdicts belong to the version they checked (step_evidence.version_id) and stay there;
-- what went stale was the item's count: a re-run revise or a reviewer's edit replaced the text
-- under review, but the count (and the risk score built on it) still described the old text.
--
-- The CoT under review: the newest of the current revision (else the current draft) and the
-- reviewer's latest edit. Version ids only grow, so "newest" is the larger id; GREATEST skips NULLs.
CREATE FUNCTION item_evidence_version(p_item_id INTEGER, p_draft_id INTEGER, p_revision_id INTEGER) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
  SELECT GREATEST(coalesce(p_revision_id, p_draft_id),
                  (SELECT max(c.id) FROM cot_version c WHERE c.item_id = p_item_id AND c.kind = 'edit'));
$$;

CREATE FUNCTION item_contradicted_count(p_item_id INTEGER, p_draft_id INTEGER, p_revision_id INTEGER) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int FROM step_evidence e
   WHERE e.version_id = item_evidence_version(p_item_id, p_draft_id, p_revision_id) AND e.verdict = 'contradicted';
$$;

CREATE FUNCTION refresh_item_contradicted(ids INTEGER[]) RETURNS void LANGUAGE sql AS $$
  UPDATE item i SET contradicted_steps = x.n
    FROM (SELECT t.id, item_contradicted_count(t.id, t.current_draft_id, t.current_revision_id) AS n
            FROM item t WHERE t.id = ANY(ids)) x
   WHERE i.id = x.id AND i.contradicted_steps IS DISTINCT FROM x.n;
$$;

-- A new current draft or revision (a stage's save, send back, undo of a bulk action): the count
-- follows it in the same row update, so the risk trigger sees the new count at once. Only
-- statements that set those columns pay for it.
CREATE FUNCTION item_contradicted_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.contradicted_steps := item_contradicted_count(NEW.id, NEW.current_draft_id, NEW.current_revision_id);
  RETURN NEW;
END $$;

CREATE TRIGGER item_contradicted_before_update BEFORE UPDATE OF current_draft_id, current_revision_id ON item
  FOR EACH ROW
  WHEN (OLD.current_draft_id IS DISTINCT FROM NEW.current_draft_id OR OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id)
  EXECUTE FUNCTION item_contradicted_before_update();

-- A reviewer's edit becomes the CoT under review.
CREATE FUNCTION item_contradicted_after_edit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids INTEGER[];
BEGIN
  SELECT array_agg(DISTINCT n.item_id) INTO ids FROM new_versions n WHERE n.kind = 'edit';
  IF ids IS NOT NULL THEN PERFORM refresh_item_contradicted(ids); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER item_contradicted_after_edit AFTER INSERT ON cot_version
  REFERENCING NEW TABLE AS new_versions
  FOR EACH STATEMENT EXECUTE FUNCTION item_contradicted_after_edit();

-- Evidence written or removed: recount for the items whose versions it touched (so a run on the
-- draft or revision while a newer edit is under review does not count the older text).
CREATE FUNCTION item_contradicted_after_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids INTEGER[];
BEGIN
  SELECT array_agg(DISTINCT c.item_id) INTO ids FROM changed_evidence e JOIN cot_version c ON c.id = e.version_id;
  IF ids IS NOT NULL THEN PERFORM refresh_item_contradicted(ids); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER item_contradicted_after_evidence_insert AFTER INSERT ON step_evidence
  REFERENCING NEW TABLE AS changed_evidence FOR EACH STATEMENT EXECUTE FUNCTION item_contradicted_after_evidence();
CREATE TRIGGER item_contradicted_after_evidence_update AFTER UPDATE ON step_evidence
  REFERENCING NEW TABLE AS changed_evidence FOR EACH STATEMENT EXECUTE FUNCTION item_contradicted_after_evidence();
CREATE TRIGGER item_contradicted_after_evidence_delete AFTER DELETE ON step_evidence
  REFERENCING OLD TABLE AS changed_evidence FOR EACH STATEMENT EXECUTE FUNCTION item_contradicted_after_evidence();

-- Items whose count is stale today.
SELECT refresh_item_contradicted(array_agg(id)) FROM item HAVING count(*) > 0;

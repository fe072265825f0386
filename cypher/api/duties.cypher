// name: api/duties
// takes: $area, $owner, $towards, $kind (filters, null for any); $text (a Lucene query over the duty
//   text built by the API from the user's words, null for any); $offset, $first
// returns: total, page (duty ids, best match first when searching, else in id order), nodes, edges
CALL (*) {
  WITH * WHERE $text IS NULL
  MATCH (d:Duty)
  RETURN d, 0.0 AS score
  UNION
  WITH * WHERE $text IS NOT NULL
  CALL db.index.fulltext.queryNodes('duty_text_fulltext', $text) YIELD node, score
  WITH node AS d, score WHERE d:Duty
  RETURN d, score
}
WITH d, score
WHERE ($area IS NULL OR d.area = $area) AND ($owner IS NULL OR d.owner = $owner)
  AND ($towards IS NULL OR d.towards = $towards) AND ($kind IS NULL OR d.kind = $kind)
WITH d ORDER BY score DESC, d.id
WITH collect(d) AS roots
WITH size(roots) AS total, roots[$offset..$offset + $first] AS page
WITH total, [n IN page | n.id] AS page, collect {
  UNWIND page AS n
  RETURN DISTINCT n.area
} AS areas
// include: api/_snapshot
RETURN total, page, nodes, edges

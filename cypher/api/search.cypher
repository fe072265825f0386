// name: api/search
// takes: $text (a Lucene query built by the API from the user's words), $offset, $first
// returns: total, hits ([{id, score}] best first), nodes, edges (the snapshot of the hits' areas)
CALL () {
  CALL db.index.fulltext.queryNodes('name_fulltext', $text) YIELD node, score
  RETURN node, score
  UNION
  CALL db.index.fulltext.queryNodes('duty_text_fulltext', $text) YIELD node, score
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id
WITH collect({id: node.id, score: score, area: node.area}) AS found
WITH size(found) AS total, found[$offset..$offset + $first] AS hits
WITH total, hits, collect { UNWIND hits AS hit RETURN DISTINCT hit.area } AS areas
// include: api/_snapshot
RETURN total, [hit IN hits | {id: hit.id, score: hit.score}] AS hits, nodes, edges

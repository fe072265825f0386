// name: api/list
// takes: $label (Area, Protocol, Body, Role or Person — chosen by the API, not the user), $area and $kind
//   (filters, null for any), $offset, $first
// returns: total, page (ids in id order), nodes, edges (the snapshot of the page's areas)
MATCH (root:$($label))
WHERE ($area IS NULL OR root.area = $area OR root.id = $area) AND ($kind IS NULL OR root.kind = $kind)
WITH root ORDER BY root.id
WITH collect(root) AS roots
WITH size(roots) AS total, roots[$offset..$offset + $first] AS page
WITH total, [n IN page | n.id] AS page, collect {
  UNWIND page AS n
  RETURN DISTINCT coalesce(n.area, n.id)
} AS areas
// include: api/_snapshot
RETURN total, page, nodes, edges

// name: load/merge_nodes
// takes: $rows — [{id, label, props}], label one of graph.model.Label
// returns: nothing
// MERGE on the one indexed Entity id, then add the kind label, so the write uses the constraint's index.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
SET n += row.props

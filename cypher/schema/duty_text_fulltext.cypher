// name: schema/duty_text_fulltext
// takes: nothing
// returns: nothing; full-text search over what duties and clauses say
CREATE FULLTEXT INDEX duty_text_fulltext IF NOT EXISTS FOR (n:Duty|Clause) ON EACH [n.text]

// The peer of the side-by-side benchmark: @neo4j/graphql 7 on Apollo Server, over the same Neo4j as
// govgraph, with type definitions written for govgraph's model. Usage (run by bench.peer.compare):
//   node server.mjs PORT BOLT_URI USER PASSWORD
// Every socket is opened with TCP_NODELAY on: the JS driver leaves it off, which would cost the peer ~40 ms
// on statements over 1.4 KB, and beating a handicapped peer is not the point.
import net from "node:net";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  this.setNoDelay(true);
  return connect.apply(this, args);
};

const typeDefs = /* GraphQL */ `
  type Stated @relationshipProperties {
    id: String
    clause: String
    quote: String
    what: String
    frequency: String
    capacity: String
  }
  type Area @node {
    id: ID!
    name: String
  }
  type Clause @node {
    id: ID!
    number: String
    text: String
    line: Int
  }
  type Role @node {
    id: ID!
    name: String!
    postOf: [Body!]! @relationship(type: "ROLE_IN", direction: OUT)
    pathsTo(to: ID!, maxHops: Int!): [String!]!
      @cypher(
        statement: "MATCH p = (this)-[:REPORTS_TO|CHALLENGES|SCRUTINISES|HOLDS_TO_ACCOUNT|OVERSEES|MEMBER_OF|CHAIRS|HOLDS|SUBGROUP_OF*1..6]->(:Entity {id: $to}) WHERE length(p) <= $maxHops WITH p ORDER BY length(p), [r IN relationships(p) | r.id] RETURN reduce(s = '', r IN relationships(p) | s + type(r) + ':' + endNode(r).id + ';') AS path"
        columnName: "path"
      )
  }
  type Body @node {
    id: ID!
    name: String!
    kind: String
    area: String
    reportsTo: [Body!]! @relationship(type: "REPORTS_TO", direction: OUT, properties: "Stated")
    challenges: [Body!]! @relationship(type: "CHALLENGES", direction: OUT, properties: "Stated")
    scrutinises: [Body!]! @relationship(type: "SCRUTINISES", direction: OUT, properties: "Stated")
    members: [Member!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Stated")
    chairs: [Role!]! @relationship(type: "CHAIRS", direction: IN, properties: "Stated")
    sharedMembers(other: ID!): [Role!]!
      @cypher(
        statement: "MATCH (this)<-[:MEMBER_OF|CHAIRS]-(r:Role)-[:MEMBER_OF|CHAIRS]->(:Body {id: $other}) RETURN DISTINCT r ORDER BY r.id"
        columnName: "r"
      )
    pathsTo(to: ID!, maxHops: Int!): [String!]!
      @cypher(
        statement: "MATCH p = (this)-[:REPORTS_TO|CHALLENGES|SCRUTINISES|HOLDS_TO_ACCOUNT|OVERSEES|MEMBER_OF|CHAIRS|HOLDS|SUBGROUP_OF*1..6]->(:Entity {id: $to}) WHERE length(p) <= $maxHops WITH p ORDER BY length(p), [r IN relationships(p) | r.id] RETURN reduce(s = '', r IN relationships(p) | s + type(r) + ':' + endNode(r).id + ';') AS path"
        columnName: "path"
      )
  }
  union Member = Role | Body

  type Duty @node {
    id: ID!
    text: String
    kind: String
    owner: String
    towards: String
    area: String
    clause: Clause
      @cypher(statement: "MATCH (c:Clause {id: this.clause}) RETURN c", columnName: "c")
  }
  type Query {
    dutySearch(text: String!, first: Int!): [Duty!]!
      @cypher(
        statement: "CALL db.index.fulltext.queryNodes('duty_text_fulltext', $text) YIELD node, score WITH node, score WHERE node:Duty RETURN node ORDER BY score DESC, node.id LIMIT $first"
        columnName: "node"
      )
  }
`;

const [port, uri, user, password] = process.argv.slice(2);
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
console.log(`peer ready at ${url}`);

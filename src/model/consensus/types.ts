/**
 * Messages, log entries and persisted state of the SMC consensus (§3.2: "a distributed consensus
 * protocol (RAFT-variant)"). Shapes follow etcd's raftpb.Message: one flat record per message,
 * numbers only (plus the entries of an append), so a message hashes and serialises exactly.
 */
import { assert } from "../../errors.js";

/** A node id, 0 … n−1. `NONE` means "nobody". */
export type NodeId = number;
export const NONE = -1;

/** One log entry. `data` 0 is the leader's no-op appended on election (Raft §8). */
export interface Entry {
  readonly term: number;
  readonly data: number;
}

/** Message kinds (Raft §5.2 RequestVote, §5.3 AppendEntries, §9.6 PreVote). */
export type MessageType = "preVote" | "preVoteResp" | "vote" | "voteResp" | "app" | "appResp";

/**
 * One message. Field meaning by type:
 * - preVote/vote: `index`, `logTerm` = the candidate's last log index and term.
 * - app: `index`, `logTerm` = the entry preceding `entries`; `commit` = leader's commit index.
 * - appResp: `index` = last matching index (accept) or the rejected prevIndex; `hint` = the
 *   follower's last index (reject).
 * - *Resp: `reject` says whether the request was refused.
 */
export interface Message {
  readonly type: MessageType;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly index: number;
  readonly logTerm: number;
  readonly commit: number;
  readonly reject: boolean;
  readonly hint: number;
  readonly entries: readonly Entry[];
}

/** What must reach stable storage before the messages of the same `Ready` are sent. */
export interface Persist {
  readonly term: number;
  readonly votedFor: NodeId;
  /** Keep stored entries with index < `fromIndex`, then append `entries` (index fromIndex, …). */
  readonly fromIndex: number;
  readonly entries: readonly Entry[];
}

/** Stable storage of one node: what survives a crash. */
export interface PersistentState {
  term: number;
  votedFor: NodeId;
  log: Entry[];
}

/** Roles (Raft §5.1, PreVote §9.6). */
export type Role = "follower" | "preCandidate" | "candidate" | "leader";

/** A node's observable state after a call. */
export interface RaftStatus {
  readonly id: NodeId;
  readonly role: Role;
  readonly term: number;
  readonly leader: NodeId;
  readonly votedFor: NodeId;
  readonly commit: number;
  readonly lastIndex: number;
}

/** Output of every `tick`, `step`, `propose` and `hup`: carry out `persist`, then send `messages`. */
export interface Ready {
  readonly messages: readonly Message[];
  readonly persist: Persist | undefined;
  readonly state: RaftStatus;
}

/** Applies a `Persist` to stored state (what a caller's storage does). */
export function applyPersist(store: PersistentState, p: Persist): void {
  if (!(p.fromIndex >= 1 && p.fromIndex - 1 <= store.log.length)) assert(false, `persist from index ${p.fromIndex} beyond stored log of ${store.log.length}`);
  store.term = p.term;
  store.votedFor = p.votedFor;
  store.log.length = p.fromIndex - 1;
  for (const e of p.entries) store.log.push(e);
}

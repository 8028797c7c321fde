/** Executors: where runs execute (local threads, or workers behind a BullMQ queue on Redis). */
export type { RunCheckpoint, RunExecutor, RunOutput, RunTask } from "./run-task.js";
export { executeRun, type ExecuteRunOptions } from "./execute-run.js";
export { LocalPool, RunFailedError, defaultPoolSize, POOL_SIZE_MAX } from "./local-pool.js";
export { parseRedisUrl, type RedisTarget } from "./redis-url.js";
export { QueueExecutor, QueueUnavailableError, probeRedis, QUEUE_NAME, type QueueEvent } from "./queue-executor.js";
export { startQueueWorker, LOCK_MS_DEFAULT, type QueueWorkerHandle, type QueueWorkerOptions } from "./queue-worker.js";

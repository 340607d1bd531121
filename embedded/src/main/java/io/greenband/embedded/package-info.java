/**
 * The local stack: a real Apache Kafka broker (KRaft, broker and controller in one process) and a
 * MongoDB wire-protocol server with on-disk storage, started together by {@link
 * io.greenband.embedded.EmbeddedStack} and used by tests, by {@code greenband local} and by {@link
 * io.greenband.embedded.EmbeddedStackMain}.
 */
package io.greenband.embedded;
